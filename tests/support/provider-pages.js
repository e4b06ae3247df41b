// Driving the local identity provider's own pages (demo/identity-provider.js) as a fan would.
/* global location -- in the callback puppeteer runs in the page */

/** Signs in on the provider's development pages: any login, any password, then consent. */
export async function signInAtProvider(page, login) {
  await page.waitForSelector('input[name="login"]');
  await page.type('input[name="login"]', login);
  await page.type('input[name="password"]', 'anything');
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  // Consent, the first time this fan meets the client.
  await page.waitForSelector('button[type="submit"]');
  await Promise.all([
    page.waitForNavigation().catch(() => {}),
    page.click('button[type="submit"]'),
  ]);
}

/** The popup the page opens for sign-in. */
export async function popupOf(page) {
  const target = await page
    .browser()
    .waitForTarget(
      (candidate) => candidate.opener() === page.target() && candidate.type() === 'page',
    );
  const popup = await target.page();
  await popup.waitForFunction(() => location.href !== 'about:blank');
  return popup;
}
