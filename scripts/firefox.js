import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The Firefox of the second-engine run: `FIREFOX_PATH`, else Debian's `firefox-esr`. */
export function firefoxPath() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((path) => path && existsSync(path));
}

// `node scripts/firefox.js`: says how to get one, and fails, when there is none.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && !firefoxPath()) {
  console.error(
    [
      "Vitrine's second-engine tests need Firefox, and none was found.",
      'Install one (Debian: `sudo apt-get install -y firefox-esr`)',
      'or point FIREFOX_PATH at a Firefox binary, then run `npm test` again.',
    ].join('\n'),
  );
  process.exit(1);
}
