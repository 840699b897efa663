import { describeSettingsProblem } from '@/lib/settings';
import { AutoScanSites } from './AutoScanSites';
import { PortalForm } from './PortalForm';
import { PreferencesForm } from './PreferencesForm';
import { useSettings } from './use-settings';

export function OptionsPage() {
  const loaded = useSettings();
  return (
    <main>
      <h1>Renewal Scout options</h1>
      {!loaded ? (
        <p role="status">Loading settings…</p>
      ) : (
        <>
          {loaded.problems.length > 0 && (
            <div class="problems" role="alert" data-testid="settings-problems">
              <p class="problems-title">Some saved settings could not be read</p>
              <ul>
                {loaded.problems.map((problem) => (
                  <li key={JSON.stringify(problem)}>{describeSettingsProblem(problem)}</li>
                ))}
              </ul>
              <p>Saving any section below stores clean settings.</p>
            </div>
          )}
          <PortalForm settings={loaded.settings} />
          <AutoScanSites settings={loaded.settings} />
          <PreferencesForm settings={loaded.settings} />
        </>
      )}
    </main>
  );
}
