import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import { configure } from '../../src/core/config.js';
import { addToWishlist } from '../../src/stores/wishlist.js';
import { logout, startSession } from '../../src/stores/session.js';
import { resetVitrine, until } from '../support/helpers.js';

const sac = {
  productId: 'sac-lune',
  name: 'Sac Lune',
  price: 1250,
  currency: 'EUR',
  image: '/tests/fixtures/sac.svg',
  url: 'https://maison.example/sac',
};

/** Every widget in the states a shopper sees first, on one page. */
const page = () => html`
  <div>
    <vitrine-wishlist-count></vitrine-wishlist-count>
    <vitrine-wishlist-button product-id="sac-lune" name="Sac Lune"></vitrine-wishlist-button>
    <vitrine-wishlist-button product-id="carre" name="Carré" show-label></vitrine-wishlist-button>
    <vitrine-wishlist></vitrine-wishlist>
    <vitrine-share product-id="sac-lune"></vitrine-share>
    <vitrine-shared-wishlist></vitrine-shared-wishlist>
    <vitrine-login providers="google apple"></vitrine-login>
    <vitrine-login id="signed-in" compact></vitrine-login>
    <vitrine-vote campaign="icons" product-id="sac-lune" name="Sac Lune"></vitrine-vote>
    <vitrine-leaderboard campaign="icons"></vitrine-leaderboard>
    <vitrine-stories label="Heritage" style="width: 270px">
      <vitrine-story>
        <div data-vitrine-text>
          <h2>Since 1887</h2>
          <p>The first trunk.</p>
        </div>
        <vitrine-hotspot product-id="sac-lune" name="Sac Lune" x="0.5" y="0.3"></vitrine-hotspot>
      </vitrine-story>
    </vitrine-stories>
  </div>
`;

/** The host page's own colours, as a brand's stylesheet sets them. */
function hostPage(background: string, color: string): void {
  document.body.style.background = background;
  document.body.style.color = color;
}

const media = (payload: Record<string, string> = {}) =>
  executeServerCommand('vitrine-media', payload);

async function render(): Promise<HTMLElement> {
  addToWishlist(sac);
  const el = await fixture<HTMLElement>(page());
  const widgets = [...el.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('*')];
  await Promise.all(widgets.map((widget) => widget.updateComplete));
  const share = el.querySelector('vitrine-share')!;
  share.shadowRoot!.querySelector<HTMLElement>('[part="trigger"]')!.click();
  await until(
    () => share.shadowRoot!.querySelector('[part~="target"]') !== null,
    'the share menu open',
  );
  return el;
}

describe('theme="auto" and theme="dark" on any host page', () => {
  beforeEach(() => {
    resetVitrine();
    startSession(
      { sub: 'camille', name: 'Camille Laurent' },
      { idToken: 'id-token', expiresAt: Date.now() + 3600_000 },
      'google',
    );
  });
  afterEach(async () => {
    logout();
    hostPage('', '');
    await media();
  });

  it('auto with a dark system scheme on a light page: axe finds nothing', async () => {
    hostPage('#ffffff', '#1c1a17');
    await media({ colorScheme: 'dark' });
    configure({ theme: 'auto' });
    const el = await render();
    // The dark scheme took: the widgets show their dark surface.
    const list = el.querySelector('vitrine-wishlist')!;
    expect(getComputedStyle(list).backgroundColor).to.equal('rgb(31, 28, 25)');
    await expect(el).to.be.accessible();
  });

  it('auto with a light system scheme on a dark page: axe finds nothing', async () => {
    hostPage('#121110', '#f2ece2');
    await media({ colorScheme: 'light' });
    configure({ theme: 'auto' });
    const el = await render();
    const list = el.querySelector('vitrine-wishlist')!;
    expect(getComputedStyle(list).backgroundColor).to.equal('rgb(255, 255, 255)');
    await expect(el).to.be.accessible();
  });

  it('dark on a light page, and light on a dark page: axe finds nothing', async () => {
    hostPage('#ffffff', '#1c1a17');
    configure({ theme: 'dark' });
    await expect(await render()).to.be.accessible();
    hostPage('#121110', '#f2ece2');
    configure({ theme: 'light' });
    await expect(await render()).to.be.accessible();
  });
});
