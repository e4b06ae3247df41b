import { chromiumPath } from './chromium.js';

if (!chromiumPath()) {
  console.error(
    [
      "Vitrine's browser tests need Chromium, and none was found.",
      'Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`)',
      'or point CHROME_PATH at a Chrome or Chromium binary, then run `npm test` again.',
    ].join('\n'),
  );
  process.exit(1);
}
