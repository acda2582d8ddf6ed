import { apertiumMissing, apertiumPackages } from '../../src/translate/apertium-mode.js';

/** Where Debian installs Apertium's data. */
export const apertiumDir = '/usr/share/apertium';

/** Whether the Apertium modes are installed; when not, says which tests are skipped and what to install. */
export function apertiumInstalled(tests: string): boolean {
  if (!apertiumMissing(apertiumDir)) return true;
  console.warn(`Skipping ${tests}: run apt-get install ${apertiumPackages.join(' ')}.`);
  return false;
}
