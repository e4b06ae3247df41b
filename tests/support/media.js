// Commands the browser tests send to the page's browser (Chromium's DevTools protocol):
//   vitrine-media       { forcedColors?: 'active' | 'none', colorScheme?: 'light' | 'dark' }
//                       forced colours (which @web/test-runner-commands emulates on Playwright
//                       only) together with a colour scheme; no payload field resets it
//   vitrine-screenshot  { x, y, width, height } → a PNG of that part of the page, base64
export function mediaPlugin() {
  return {
    name: 'vitrine-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'vitrine-media' && command !== 'vitrine-screenshot') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`${command} needs a Chromium page driven by puppeteer.`);
      }
      const page = session.browser.getPage(session.id);
      if (command === 'vitrine-screenshot') {
        return page.screenshot({ clip: payload, encoding: 'base64', captureBeyondViewport: false });
      }
      const features = [];
      if (payload?.forcedColors)
        features.push({ name: 'forced-colors', value: payload.forcedColors });
      if (payload?.colorScheme) {
        features.push({ name: 'prefers-color-scheme', value: payload.colorScheme });
      }
      // The page's own DevTools session: puppeteer's emulateMediaFeatures refuses forced-colors.
      await page._client().send('Emulation.setEmulatedMedia', { media: '', features });
      return true;
    },
  };
}
