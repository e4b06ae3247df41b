import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.js';
import { firefoxPath } from './scripts/system.js';
import { backendPlugin } from './tests/support/backend.js';
import { storiesFeedsPlugin } from './tests/support/stories-feeds.js';
import { libraryCopyPlugin } from './tests/support/library-copy.js';
import { fuzzFeedsPlugin } from './tests/support/fuzz-feeds.js';
import { mediaPlugin } from './tests/support/media.js';

const firefox = process.env.VITRINE_BROWSER === 'firefox';

/**
 * Files that need Chromium's DevTools protocol: they switch `prefers-reduced-motion` at run
 * time, which puppeteer does through CDP only (WebDriver BiDi has no such command yet).
 */
export const CHROMIUM_ONLY = [
  'tests/stories/stories.test.ts',
  'tests/stories/reduced-motion.test.ts',
  'tests/stories/tray-dialog.test.ts',
  'tests/votes/leaderboard.test.ts',
  // Forced colours and screenshots go through the DevTools protocol too.
  'tests/core/themes.test.ts',
  'tests/stories/contrast.test.ts',
];

export default {
  files: ['tests/**/*.test.ts', ...(firefox ? CHROMIUM_ONLY.map((file) => `!${file}`) : [])],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // A second copy of the library, as a second script tag would load it.
    libraryCopyPlugin({ path: '/__second-copy/vitrine.js' }),
    // A real identity provider and back end on loopback, for the votes and wishlist sync.
    backendPlugin(),
    storiesFeedsPlugin(),
    // An older copy of the library, for the host page that loads two versions.
    libraryCopyPlugin({ path: '/__other-version/vitrine.js', version: '0.0.9' }),
    // Made-up stories feeds, served as a CMS would serve them.
    fuzzFeedsPlugin(),
    // Forced colours and screenshots, through Chromium's DevTools protocol.
    mediaPlugin(),
  ],
  // Two cores: one browser, a few pages at a time.
  concurrentBrowsers: 1,
  // One page at a time: pages of one origin share storage, and the wishlist syncs through it.
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
  browsers: [
    firefox
      ? // The second engine: Debian's firefox-esr, driven by puppeteer over WebDriver BiDi.
        chromeLauncher({
          puppeteer: puppeteerCore,
          launchOptions: {
            browser: 'firefox',
            executablePath: firefoxPath(),
            headless: true,
          },
        })
      : chromeLauncher({
          launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS },
        }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en">
      <head><script>window.process = { env: { NODE_ENV: 'test' } };</script></head>
      <body><script type="module" src="${testFramework}"></script></body>
    </html>`,
};
