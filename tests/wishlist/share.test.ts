import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/wishlist/index.js';
import type { VitrineShare } from '../../src/wishlist/share.js';
import { addToWishlist } from '../../src/stores/wishlist.js';
import { registerProduct } from '../../src/stores/products.js';
import { readSharedWishlist } from '../../src/stores/share-link.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';
import { backendDown, backendUp, callBackend, useBackend } from '../support/backend-client.js';

const parts = (el: VitrineShare, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
const part = (el: VitrineShare, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

async function openMenu(el: VitrineShare): Promise<void> {
  part(el, 'trigger')!.click();
  await el.updateComplete;
}

/** The OS share sheet and clipboard are outside the page: tests replace them, and say so. */
function replaceNavigator<K extends 'share' | 'clipboard'>(key: K, value: unknown): () => void {
  const own = Object.getOwnPropertyDescriptor(navigator, key);
  Object.defineProperty(navigator, key, { configurable: true, value });
  return () => {
    if (own) Object.defineProperty(navigator, key, own);
    else delete (navigator as unknown as Record<string, unknown>)[key];
  };
}

describe('<vitrine-share>', () => {
  beforeEach(() => {
    resetVitrine();
    addToWishlist({ productId: 'sac-01', name: 'Sac Lune', image: 'https://cdn.example/sac.jpg' });
  });

  it('opens a positioned menu, focuses the first choice, and Escape closes it', async () => {
    const el = await fixture<VitrineShare>(
      html`<vitrine-share targets="copy pinterest email"></vitrine-share>`,
    );
    const trigger = part(el, 'trigger')!;
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, 'panel')!.hidden).to.equal(true);
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const panel = part(el, 'panel')!;
    // Positioning code arrives with the first open; the menu is placed once it has.
    await until(() => panel.dataset.placement !== undefined, 'the menu to be positioned');
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    expect(panel.hidden).to.equal(false);
    const triggerBox = trigger.getBoundingClientRect();
    expect(panel.getBoundingClientRect().top).to.be.at.least(triggerBox.bottom);
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.contain('target-copy');
    expect(
      [...panel.querySelectorAll('[part~="target"]')].map((n) => n.textContent!.trim()),
    ).to.deep.equal(['Copy link', 'Pinterest', 'Email']);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(part(el, 'panel')!.hidden).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(trigger);
  });

  it('closes when the shopper clicks elsewhere', async () => {
    const el = await fixture<VitrineShare>(html`<vitrine-share></vitrine-share>`);
    await openMenu(el);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(part(el, 'panel')!.hidden).to.equal(true);
  });

  it('closes when keyboard focus tabs out of the menu, so it covers nothing focused', async () => {
    const page = await fixture<HTMLElement>(
      html`<div>
        <vitrine-share targets="copy email"></vitrine-share>
        <button id="remove">Remove</button>
      </div>`,
    );
    const el = page.querySelector<VitrineShare>('vitrine-share')!;
    part(el, 'trigger')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(part(el, 'panel')!.hidden).to.equal(false);
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.contain('target-copy');
    for (let i = 0; i < 6 && document.activeElement !== page.querySelector('#remove'); i += 1) {
      await sendKeys({ press: 'Tab' });
    }
    await el.updateComplete;
    expect(document.activeElement).to.equal(page.querySelector('#remove'));
    expect(part(el, 'panel')!.hidden).to.equal(true);
    expect(part(el, 'trigger')!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('reads targets in any case, with commas, and says at load which it leaves out', async () => {
    let el!: VitrineShare;
    const warnings = await captureWarnings(async () => {
      el = await fixture<VitrineShare>(
        html`<vitrine-share targets="Copy PINTEREST, email, tiktok"></vitrine-share>`,
      );
    }, 'not a share choice');
    expect(warnings).to.deep.equal([
      '[vitrine] <vitrine-share> targets names "tiktok", which is not a share choice; it is left out. Choose from: native copy pinterest facebook x whatsapp email wechat.',
    ]);
    await openMenu(el);
    expect(parts(el, 'target').map((n) => n.textContent!.trim())).to.deep.equal([
      'Copy link',
      'Pinterest',
      'Email',
    ]);
  });

  it('suggests the choice a misspelt target means', async () => {
    const warnings = await captureWarnings(async () => {
      await fixture(html`<vitrine-share targets="copy whatsap"></vitrine-share>`);
    }, 'not a share choice');
    expect(warnings).to.deep.equal([
      '[vitrine] <vitrine-share> targets names "whatsap", which is not a share choice; it is left out. Did you mean whatsapp? Choose from: native copy pinterest facebook x whatsapp email wechat.',
    ]);
  });

  it('falls back to the default choices, saying so at load, when none that shows remains', async () => {
    const restore = replaceNavigator('share', undefined);
    try {
      let el!: VitrineShare;
      const warnings = await captureWarnings(async () => {
        el = await fixture<VitrineShare>(
          html`<vitrine-share targets="native snapchat"></vitrine-share>`,
        );
      }, 'the default choices are shown');
      expect(warnings).to.deep.equal([
        '[vitrine] <vitrine-share> targets names "snapchat", which is not a share choice; it is left out. Choose from: native copy pinterest facebook x whatsapp email wechat.',
        '[vitrine] <vitrine-share> targets="native snapchat": native shows only in browsers with a share sheet, and this one has none; the default choices are shown instead. Write targets="native copy email", for example: a choice besides native.',
      ]);
      await openMenu(el);
      expect(parts(el, 'target').map((n) => n.getAttribute('part'))).to.deep.equal(
        ['copy', 'pinterest', 'facebook', 'x', 'whatsapp', 'email', 'wechat'].map(
          (name) => `target target-${name}`,
        ),
      );
    } finally {
      restore();
    }
  });

  it('links each network to a correctly encoded share URL of the wishlist', async () => {
    const el = await fixture<VitrineShare>(
      html`<vitrine-share
        targets="pinterest facebook x whatsapp email"
        url="https://maison.example/shared"
      ></vitrine-share>`,
    );
    await openMenu(el);
    const href = (name: string) => part(el, `target-${name}`)!.getAttribute('href')!;
    const shared = new URL(href('facebook')).searchParams.get('u')!;
    expect(shared.startsWith('https://maison.example/shared#vitrine-wishlist=')).to.equal(true);
    const read = readSharedWishlist(new URL(shared).hash);
    expect(read.status === 'ok' && read.items[0]!.productId).to.equal('sac-01');
    expect(new URL(href('pinterest')).searchParams.get('media')).to.equal(
      'https://cdn.example/sac.jpg',
    );
    expect(new URL(href('x')).searchParams.get('url')).to.equal(shared);
    expect(href('email').startsWith('mailto:?subject=')).to.equal(true);
    for (const name of ['pinterest', 'facebook', 'x', 'whatsapp']) {
      expect(part(el, `target-${name}`)!.getAttribute('rel')).to.equal('noopener noreferrer');
    }
  });

  it('fires a cancelable vitrine-share before sharing', async () => {
    const el = await fixture<VitrineShare>(
      html`<vitrine-share targets="facebook"></vitrine-share>`,
    );
    await openMenu(el);
    el.addEventListener('vitrine-share', (event) => event.preventDefault(), { once: true });
    const fired = oneEvent(el, 'vitrine-share');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    part(el, 'target-facebook')!.dispatchEvent(click);
    const event = await fired;
    expect(event.detail.target).to.equal('facebook');
    expect(event.detail.url).to.contain('#vitrine-wishlist=');
    expect(click.defaultPrevented).to.equal(true);
  });

  it('copies the link and confirms it', async () => {
    let copied = '';
    const restore = replaceNavigator('clipboard', {
      writeText: async (text: string) => void (copied = text),
    });
    try {
      const el = await fixture<VitrineShare>(html`<vitrine-share targets="copy"></vitrine-share>`);
      await openMenu(el);
      part(el, 'target-copy')!.click();
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(copied).to.contain('#vitrine-wishlist=');
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Link copied.');
    } finally {
      restore();
    }
  });

  it('falls back to a selected link field when the clipboard is refused', async () => {
    const restore = replaceNavigator('clipboard', {
      writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
    });
    try {
      const el = await fixture<VitrineShare>(html`<vitrine-share targets="copy"></vitrine-share>`);
      await openMenu(el);
      part(el, 'target-copy')!.click();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await el.updateComplete;
      const input = el.shadowRoot!.querySelector('input')!;
      expect(input.value).to.contain('#vitrine-wishlist=');
      expect(el.shadowRoot!.activeElement).to.equal(input);
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('hides the native choice where the Web Share API is absent, uses it where present', async () => {
    const absent = await fixture<VitrineShare>(
      html`<vitrine-share targets="native copy"></vitrine-share>`,
    );
    const restoreAbsent = replaceNavigator('share', undefined);
    await openMenu(absent);
    expect(part(absent, 'target-native')).to.equal(null);
    restoreAbsent();

    const shared: ShareData[] = [];
    const restore = replaceNavigator('share', async (data: ShareData) => {
      shared.push(data);
      if (shared.length === 2) throw new DOMException('cancelled', 'AbortError');
    });
    try {
      const el = await fixture<VitrineShare>(
        html`<vitrine-share targets="native copy"></vitrine-share>`,
      );
      await openMenu(el);
      part(el, 'target-native')!.click();
      await new Promise((resolve) => setTimeout(resolve));
      expect(shared[0]!.url).to.contain('#vitrine-wishlist=');
      // A cancelled share sheet is the shopper's choice, not an error.
      const warnings = await captureWarnings(async () => {
        part(el, 'target-native')!.click();
        await new Promise((resolve) => setTimeout(resolve));
      });
      expect(shared).to.have.length(2);
      expect(warnings).to.have.length(0);
    } finally {
      restore();
    }
  });

  it('draws a WeChat QR code of the link', async () => {
    const el = await fixture<VitrineShare>(html`<vitrine-share targets="wechat"></vitrine-share>`);
    await openMenu(el);
    const button = part(el, 'target-wechat')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    // The QR encoder loads the first time a shopper picks WeChat.
    await until(() => el.shadowRoot!.querySelector('svg[part="qr"]') !== null, 'the QR code');
    const qr = el.shadowRoot!.querySelector('svg[part="qr"]')!;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.equal('QR code of the link');
    const [, , width, height] = qr.getAttribute('viewBox')!.split(' ').map(Number);
    expect(width).to.equal(height);
    expect(width).to.be.at.least(25);
    expect(el.shadowRoot!.textContent).to.contain('Scan with WeChat');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('keeps the panel small with the QR code open, without an older message under it', async () => {
    const el = await fixture<VitrineShare>(
      html`<vitrine-share
        targets="copy pinterest facebook x whatsapp email wechat"
      ></vitrine-share>`,
    );
    await openMenu(el);
    const panel = part(el, 'panel')!;
    const before = panel.getBoundingClientRect().height;
    const restore = replaceNavigator('clipboard', { writeText: async () => {} });
    try {
      part(el, 'target-copy')!.click();
      await until(() => el.shadowRoot!.textContent!.includes('Link copied'), 'copied');
    } finally {
      restore();
    }
    part(el, 'target-wechat')!.click();
    await until(() => el.shadowRoot!.querySelector('svg[part="qr"]') !== null, 'the QR code');
    expect(el.shadowRoot!.textContent).not.to.contain('Link copied');
    expect(parts(el, 'target').map((target) => target.getAttribute('part'))).to.deep.equal([
      'target target-wechat',
    ]);
    expect(panel.getBoundingClientRect().height).to.be.at.most(before + 40);
    // Closing the QR code brings every target back.
    part(el, 'target-wechat')!.click();
    await until(() => parts(el, 'target').length === 7, 'the targets again');
    await expect(el).to.be.accessible();
  });

  it('says so when the wishlist is empty', async () => {
    resetVitrine();
    const el = await fixture<VitrineShare>(html`<vitrine-share></vitrine-share>`);
    await openMenu(el);
    expect(part(el, 'panel')!.textContent).to.contain('Save a piece first');
    expect(part(el, 'panel')!.querySelector('[part~="target"]')).to.equal(null);
  });

  it('shares one product by its page', async () => {
    registerProduct({ productId: 'p1', name: 'Foulard', url: 'https://maison.example/foulard' });
    const el = await fixture<VitrineShare>(
      html`<vitrine-share product-id="p1" targets="facebook"></vitrine-share>`,
    );
    expect(part(el, 'trigger')!.textContent!.trim()).to.equal('Share');
    await openMenu(el);
    const href = part(el, 'target-facebook')!.getAttribute('href')!;
    expect(new URL(href).searchParams.get('u')).to.equal('https://maison.example/foulard');
  });

  it('ignores unknown targets and a javascript: url with a warning', async () => {
    let el!: VitrineShare;
    const warnings = await captureWarnings(async () => {
      el = await fixture<VitrineShare>(
        html`<vitrine-share
          targets="copy myspace facebook"
          url="javascript:alert(1)"
        ></vitrine-share>`,
      );
      await openMenu(el);
    }, 'myspace');
    expect(warnings.join('\n')).to.contain('myspace');
    expect(warnings.join('\n')).to.contain('javascript:');
    const href = part(el, 'target-facebook')!.getAttribute('href')!;
    expect(new URL(href).searchParams.get('u')!.startsWith(location.origin)).to.equal(true);
    expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
  });

  describe('with a back end (api)', () => {
    beforeEach(useBackend);

    it('shares a short link from the back end that opens the same list', async () => {
      const el = await fixture<VitrineShare>(
        html`<vitrine-share targets="facebook" url="${location.origin}/shared"></vitrine-share>`,
      );
      await openMenu(el);
      await until(() => part(el, 'target-facebook') !== null, 'the short link');
      const shared = new URL(
        new URL(part(el, 'target-facebook')!.getAttribute('href')!).searchParams.get('u')!,
      );
      expect(shared.origin + shared.pathname).to.equal(`${location.origin}/shared`);
      const id = /^#vitrine-shared=([\w-]{22})$/.exec(shared.hash)?.[1];
      expect(id, shared.hash).to.be.a('string');
      const { status, body } = await callBackend<{ items: { productId: string }[] }>({
        path: `/wishlists/shared/${id}`,
      });
      expect(status).to.equal(200);
      expect(body.items.map((item) => item.productId)).to.deep.equal(['sac-01']);
      await expect(el).to.be.accessible();
    });

    it('falls back to a full link, with a warning, when the back end cannot make one', async () => {
      await backendDown();
      try {
        const el = await fixture<VitrineShare>(html`<vitrine-share targets="x"></vitrine-share>`);
        const warnings = await captureWarnings(async () => {
          await openMenu(el);
          await until(() => part(el, 'target-x') !== null, 'the fallback link', 5000);
        });
        const href = new URL(part(el, 'target-x')!.getAttribute('href')!);
        expect(href.searchParams.get('url')).to.contain('#vitrine-wishlist=');
        expect(warnings.join('\n')).to.match(/could not make a short link/);
      } finally {
        await backendUp();
      }
    });
  });
});
