// "Add to bag" from the three places that offer it. The brand's cart is the one boundary
// that cannot run here: it is the brand's own `vitrine-add-to-bag` listener in this page,
// answering through `detail.done(ok)` as a real cart call would.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/wishlist/index.js';
import '../../src/stories/index.js';
import type { VitrineWishlist } from '../../src/wishlist/wishlist.js';
import type { VitrineSharedWishlist } from '../../src/wishlist/shared-wishlist.js';
import type { VitrineHotspot } from '../../src/stories/hotspot.js';
import type { AddToBagDetail } from '../../src/core/events.js';
import { configure } from '../../src/core/config.js';
import { addToWishlist } from '../../src/stores/wishlist.js';
import { shareUrlFor } from '../../src/stores/share-link.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';

const size38 = {
  productId: 'escarpin-opera',
  variantId: '38-noir',
  variantName: 'Taille 38 · Noir',
  name: 'Escarpin Opéra',
  price: 890,
};
const sac = { productId: 'sac-lune', name: 'Sac Lune', price: 1250 };
const pochette = { productId: 'pochette-soiree', name: 'Pochette Soirée', available: false };

/** The brand's cart: records each request and answers as `answer` says. */
function cart(answer: (detail: AddToBagDetail, event: Event) => void = () => {}) {
  const requests: { items: AddToBagDetail['items']; source: string }[] = [];
  const done: ((ok: boolean) => void)[] = [];
  const listener = (event: CustomEvent<AddToBagDetail>) => {
    requests.push({ items: event.detail.items, source: event.detail.source });
    done.push(event.detail.done);
    answer(event.detail, event);
  };
  document.addEventListener('vitrine-add-to-bag', listener);
  return {
    requests,
    done,
    stop: () => document.removeEventListener('vitrine-add-to-bag', listener),
  };
}

/** The inner button of a `<vitrine-add-to-bag>` in `root`'s shadow DOM, by part. */
function bagButton(root: Element, part: 'add-to-bag' | 'add-all', index = 0): HTMLButtonElement {
  const host = root.shadowRoot!.querySelectorAll(`[part~="${part}"]`)[index]!;
  return host.shadowRoot!.querySelector('button')!;
}

const status = (button: HTMLButtonElement) =>
  (button.getRootNode() as ShadowRoot).querySelector('[role="status"]')!.textContent!.trim();

async function settled(root: Element): Promise<void> {
  const hosts = [root, ...root.shadowRoot!.querySelectorAll('vitrine-add-to-bag')] as (Element & {
    updateComplete: Promise<unknown>;
  })[];
  await Promise.all(hosts.map((host) => host.updateComplete));
}

async function wishlist() {
  addToWishlist(pochette);
  addToWishlist(sac);
  addToWishlist(size38);
  const el = await fixture<VitrineWishlist>(html`<vitrine-wishlist></vitrine-wishlist>`);
  await settled(el);
  return el;
}

describe('add to bag', () => {
  let brand: ReturnType<typeof cart> | undefined;
  beforeEach(() => {
    resetVitrine();
    configure({ bag: true });
  });
  afterEach(() => brand?.stop());

  it('shows no bag button anywhere without bag on the config', async () => {
    configure({ bag: false });
    const el = await wishlist();
    expect(el.shadowRoot!.querySelector('vitrine-add-to-bag')).to.equal(null);
    history.replaceState(null, '', new URL(shareUrlFor([sac])).hash);
    const shared = await fixture<VitrineSharedWishlist>(
      html`<vitrine-shared-wishlist></vitrine-shared-wishlist>`,
    );
    expect(shared.shadowRoot!.querySelector('vitrine-add-to-bag')).to.equal(null);
  });

  it('follows bag on <vitrine-config>, "false" included', async () => {
    configure({ bag: false });
    const el = await wishlist();
    const config = await fixture(html`<vitrine-config bag></vitrine-config>`);
    await settled(el);
    expect(el.shadowRoot!.querySelectorAll('vitrine-add-to-bag')).to.have.length(3);
    config.setAttribute('bag', 'false');
    await settled(el);
    expect(el.shadowRoot!.querySelector('vitrine-add-to-bag')).to.equal(null);
  });

  it('asks the cart for one piece from the wishlist, says it is adding, then added', async () => {
    brand = cart();
    const el = await wishlist();
    const button = bagButton(el, 'add-to-bag');
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Add to bag Escarpin Opéra, Taille 38 · Noir',
    );
    button.click();
    expect(brand.requests).to.deep.equal([
      {
        items: [{ productId: 'escarpin-opera', variantId: '38-noir', quantity: 1 }],
        source: 'wishlist',
      },
    ]);
    await settled(el);
    expect(button.getAttribute('data-state')).to.equal('adding');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    expect(brand.requests, 'no second request while one is on its way').to.have.length(1);

    brand.done[0]!(true);
    await settled(el);
    expect(button.textContent!.trim()).to.match(/^Added to bag/);
    expect(status(button)).to.equal('Escarpin Opéra, Taille 38 · Noir has been added to your bag.');
    await expect(el).to.be.accessible();
  });

  it('says so when the cart could not add, and tries again on the next tap', async () => {
    brand = cart((detail) => detail.done(false));
    const el = await wishlist();
    const button = bagButton(el, 'add-to-bag', 1);
    button.click();
    await settled(el);
    expect(brand.requests[0]!.items).to.deep.equal([{ productId: 'sac-lune', quantity: 1 }]);
    expect(button.textContent!.trim()).to.match(/^Could not be added/);
    expect(status(button)).to.equal('Sac Lune could not be added to your bag. Please try again.');
    await expect(el).to.be.accessible();
    button.click();
    expect(brand.requests).to.have.length(2);
  });

  it('leaves the button as it was when the brand cancels the event', async () => {
    brand = cart((_detail, event) => event.preventDefault());
    const el = await wishlist();
    const button = bagButton(el, 'add-to-bag');
    button.click();
    await settled(el);
    expect(brand.requests).to.have.length(1);
    expect(button.getAttribute('data-state')).to.equal('idle');
    expect(status(button)).to.equal('');
    brand.done[0]!(true);
    await settled(el);
    expect(button.getAttribute('data-state'), 'done() after a cancel changes nothing').to.equal(
      'idle',
    );
  });

  it('marks an unavailable piece, offers it no bag, and leaves it out of "add all"', async () => {
    brand = cart((detail) => detail.done(true));
    const el = await wishlist();
    const items = el.shadowRoot!.querySelectorAll('[part="item"]');
    const last = items[items.length - 1]!;
    expect(last.querySelector('[part="name"]')!.textContent).to.equal('Pochette Soirée');
    expect(last.querySelector('[part="unavailable"]')!.textContent).to.equal(
      'Currently unavailable',
    );
    expect(last.querySelector('vitrine-add-to-bag')).to.equal(null);

    const all = bagButton(el, 'add-all');
    all.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(brand.requests).to.deep.equal([
      {
        items: [
          { productId: 'escarpin-opera', variantId: '38-noir', quantity: 1 },
          { productId: 'sac-lune', quantity: 1 },
        ],
        source: 'wishlist',
      },
    ]);
    expect(status(all)).to.equal('2 pieces have been added to your bag.');
  });

  it('asks from the shared wishlist, per piece and all at once', async () => {
    brand = cart();
    history.replaceState(null, '', new URL(shareUrlFor([size38, sac])).hash);
    const el = await fixture<VitrineSharedWishlist>(
      html`<vitrine-shared-wishlist></vitrine-shared-wishlist>`,
    );
    await settled(el);
    bagButton(el, 'add-to-bag', 1).click();
    bagButton(el, 'add-all').click();
    expect(brand.requests).to.deep.equal([
      { items: [{ productId: 'sac-lune', quantity: 1 }], source: 'shared-wishlist' },
      {
        items: [
          { productId: 'escarpin-opera', variantId: '38-noir', quantity: 1 },
          { productId: 'sac-lune', quantity: 1 },
        ],
        source: 'shared-wishlist',
      },
    ]);
    brand.done[1]!(false);
    await settled(el);
    expect(status(bagButton(el, 'add-all'))).to.equal(
      'Your pieces could not be added to your bag. Please try again.',
    );
    await expect(el).to.be.accessible();
  });

  it('asks from a hotspot card, with its variant, in the shopper’s language', async () => {
    configure({ locale: 'fr' });
    brand = cart((detail) => detail.done(true));
    const stories = await fixture(html`
      <vitrine-stories label="Opéra" style="width: 270px">
        <vitrine-story>
          <div data-vitrine-text><p>Opéra</p></div>
          <vitrine-hotspot
            product-id="escarpin-opera"
            variant-id="38-noir"
            variant-name="Taille 38 · Noir"
            name="Escarpin Opéra"
            x="0.5"
            y="0.5"
          ></vitrine-hotspot>
          <vitrine-hotspot
            product-id="carre-jardin"
            name="Carré Jardin"
            available="false"
            x="0.2"
            y="0.2"
          ></vitrine-hotspot>
        </vitrine-story>
      </vitrine-stories>
    `);
    const [hotspot, unavailable] = [
      ...stories.querySelectorAll<VitrineHotspot>('vitrine-hotspot'),
    ] as [VitrineHotspot, VitrineHotspot];
    await until(() => hotspot.shadowRoot?.querySelector('[part~="tag"]') !== null, 'the tag');
    hotspot.show();
    await hotspot.updateComplete;
    const card = hotspot.shadowRoot!.querySelector('[part~="card"]')!;
    expect(card.querySelector('[part="variant"]')!.textContent).to.equal('Taille 38 · Noir');
    const button = bagButton(hotspot, 'add-to-bag');
    await until(() => button.isConnected && button.textContent !== '', 'the bag button');
    expect(button.textContent!.trim()).to.match(/^Ajouter au panier/);
    button.click();
    await settled(hotspot);
    expect(brand.requests).to.deep.equal([
      {
        items: [{ productId: 'escarpin-opera', variantId: '38-noir', quantity: 1 }],
        source: 'hotspot',
      },
    ]);
    expect(status(button)).to.equal('Escarpin Opéra, Taille 38 · Noir est dans votre panier.');

    unavailable.show();
    await unavailable.updateComplete;
    const other = unavailable.shadowRoot!.querySelector('[part~="card"]')!;
    expect(other.querySelector('[part="unavailable"]')!.textContent).to.equal(
      'Momentanément indisponible',
    );
    expect(other.querySelector('vitrine-add-to-bag')).to.equal(null);
  });

  it('tells the integrator that done() takes a boolean', async () => {
    brand = cart();
    const el = await wishlist();
    const button = bagButton(el, 'add-to-bag');
    button.click();
    const warnings = await captureWarnings(() => brand!.done[0]!('yes' as unknown as boolean));
    expect(warnings).to.deep.equal([
      '[vitrine] vitrine-add-to-bag: done() takes true or false (got yes); read as true.',
    ]);
    await settled(el);
    expect(button.getAttribute('data-state')).to.equal('added');
  });

  it('forgets a request once its list leaves the page: a late done() changes nothing', async () => {
    brand = cart();
    const el = await wishlist();
    bagButton(el, 'add-to-bag').click();
    const parent = el.parentElement!;
    el.remove();
    brand.done[0]!(false);
    parent.append(el);
    await settled(el);
    expect(bagButton(el, 'add-to-bag').getAttribute('data-state')).to.equal('idle');
    expect(status(bagButton(el, 'add-to-bag'))).to.equal('');
  });

  it('is accessible in the dark theme, in every state', async () => {
    configure({ theme: 'dark' });
    brand = cart();
    const el = await wishlist();
    bagButton(el, 'add-to-bag').click();
    bagButton(el, 'add-to-bag', 1).click();
    brand.done[1]!(false);
    await settled(el);
    await expect(el).to.be.accessible();
  });
});
