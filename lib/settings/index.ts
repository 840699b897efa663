export { describeSettingsProblem, type SettingsProblem } from './problems';
export {
  CURRENT_SETTINGS_VERSION,
  defaultSettings,
  type Settings,
  type SettingsPatch,
} from './schema';
export {
  type LoadedSettings,
  loadSettings,
  type SettingsUpdateError,
  type SettingsUpdateResult,
  updateSettings,
  watchSettings,
} from './store';
