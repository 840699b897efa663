// The scanner's figures in a unit test: counted in every build but production, so a test
// that finds none was run without the `define` of vitest.config.ts and must not pass.
import type { FrameScanner, ScanStats } from '../frame-scanner';

export function statsOf(scanner: FrameScanner): ScanStats {
  if (!scanner.stats) throw new Error('the scanner counts no figures in this build');
  return scanner.stats;
}
