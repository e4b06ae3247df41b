import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.js';

export default {
  files: ['tests/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  // Two cores: one browser, a few pages at a time.
  concurrentBrowsers: 1,
  concurrency: 2,
  testFramework: { config: { timeout: 5000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en">
      <head><script>window.process = { env: { NODE_ENV: 'production' } };</script></head>
      <body><script type="module" src="${testFramework}"></script></body>
    </html>`,
};
