// Driving the local identity provider's sign-in page (demo/identity-provider.js) as a fan
// would: a name, then Continue. Written for both engines: WebDriver BiDi (Firefox) tells no
// openers, and a popup may close while a command is still on its way to it.
/* global location -- in the callback puppeteer runs in the page */

/** The popup `page` opens for sign-in, once it has left about:blank. */
export async function popupOf(page) {
  const origin = new URL(page.url()).origin;
  const target = await page.browserContext().waitForTarget(
    (candidate) => {
      if (candidate.type() !== 'page' || candidate === page.target()) return false;
      try {
        return candidate.opener() === page.target();
      } catch {
        // No openers over BiDi: the popup is the page of this context that is not the site's.
        return candidate.url() === 'about:blank' || !candidate.url().startsWith(origin);
      }
    },
    { timeout: 15_000 },
  );
  const popup = await target.page();
  // A fan the provider still knows is sent straight back, and the popup may close before it
  // is seen leaving about:blank: that popup is done, not lost.
  // A wait cut short by the popup going away ("Waiting failed") is answered by its closing.
  await Promise.race([
    popup
      .waitForFunction(() => location.href !== 'about:blank', { timeout: 15_000 })
      .catch((error) =>
        Promise.race([
          closing(popup),
          new Promise((_, reject) => setTimeout(() => reject(error), 5_000)),
        ]),
      ),
    closing(popup),
  ]);
  return popup;
}

/** Resolves when the popup closes (the callback page closes it once the page has the answer). */
function closing(popup) {
  return popup.isClosed()
    ? Promise.resolve()
    : new Promise((resolve) => popup.once('close', () => resolve()));
}

/**
 * Signs in as `login` on the provider's page. A fan the provider still knows (same browser
 * context) is sent straight back, with nothing to fill. Returns once the name is sent; the
 * caller waits for what the site shows.
 */
export async function signInAtProvider(popup, login) {
  const closed = closing(popup);
  const form = await Promise.race([
    popup.waitForSelector('input[name="login"]', { timeout: 15_000 }).then(() => 'form'),
    closed.then(() => 'closed'),
  ]).catch(() => 'closed');
  if (form === 'closed') return;
  await popup.type('input[name="login"]', login);
  // The popup may close before the click's own promise settles: that is the success case.
  await Promise.race([popup.click('button[type="submit"]').catch(() => {}), closed]);
}

/** The fan sees the provider's sign-in page, then closes the window. */
export async function closeAfterLooking(popup) {
  await popup.waitForSelector('input[name="login"]');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await popup.close();
}
