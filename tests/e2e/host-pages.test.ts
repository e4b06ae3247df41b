// Vitrine on pages it does not control (tests/fixtures/host-pages/): two copies of the library
// of different versions, aggressive global CSS, a right-to-left page. Each page is a real
// document of its own, in an iframe, loading the library the way a brand's page does.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { until } from '../support/helpers.js';

interface HostWindow extends Window {
  hostPage: { errors: string[]; warnings: string[] };
  vitrineReady: Promise<unknown>;
  vitrine: typeof import('../../src/index.js');
  older?: typeof import('../../src/index.js');
}

const frames: HTMLIFrameElement[] = [];

/** Opens a host page in an iframe of a laptop-like size and waits for its widgets. */
async function openHostPage(path: string): Promise<HostWindow> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1200px; height: 900px; border: 0';
  frame.src = path;
  document.body.append(frame);
  frames.push(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as HostWindow;
  await until(() => win.vitrineReady !== undefined, `${path} to load Vitrine`);
  await win.vitrineReady;
  return win;
}

/** Every element of the page with a shadow root, and their Lit updates, settled. */
async function settle(win: HostWindow): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    const hosts = [...win.document.querySelectorAll('*')].filter((el) => el.shadowRoot);
    await Promise.all(
      hosts.map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete),
    );
    await new Promise((resolve) => win.requestAnimationFrame(resolve));
  }
}

const shadow = (win: HostWindow, id: string) => win.document.getElementById(id)!.shadowRoot!;

/**
 * What a shopper sees of each widget: every part inside its shadow root (nested widgets too),
 * its size and whether it shows.
 */
function looks(win: HostWindow, ids: string[]): Record<string, string> {
  const seen: Record<string, string> = {};
  const visit = (root: ShadowRoot, path: string) => {
    root.querySelectorAll<HTMLElement>('[part]').forEach((node, index) => {
      const style = win.getComputedStyle(node);
      const box = node.getBoundingClientRect();
      const shows = style.display !== 'none' && style.visibility !== 'hidden';
      seen[`${path} [part="${node.getAttribute('part')}"]#${index}`] = shows
        ? `${box.width.toFixed(1)}×${box.height.toFixed(1)}`
        : 'hidden';
    });
    root.querySelectorAll('*').forEach((node) => {
      if (node.shadowRoot) visit(node.shadowRoot, `${path} > ${node.localName}`);
    });
  };
  for (const id of ids) visit(shadow(win, id), `#${id}`);
  return seen;
}

/** The light-DOM media a story shows, as the shopper sees it. */
function storyMedia(win: HostWindow): string {
  const img = win.document.querySelector<HTMLImageElement>('#first img')!;
  const box = img.getBoundingClientRect();
  return `${box.width.toFixed(1)}×${box.height.toFixed(1)}`;
}

describe('host pages', () => {
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('two copies of different versions: the first registration wins, with a warning, nothing thrown', async function () {
    this.timeout(30_000);
    const win = await openHostPage('/tests/fixtures/host-pages/two-versions.html');
    await settle(win);
    expect(win.hostPage.errors).to.deep.equal([]);
    // The older copy, loaded first, owns the tags; the newer one says so.
    expect(win.customElements.get('vitrine-wishlist-button')).to.equal(
      win.older!.VitrineWishlistButton,
    );
    const clashes = win.hostPage.warnings.filter((line) =>
      /already defined by Vitrine 0\.0\.9; this copy \(Vitrine 0\.1\.0\) is ignored/.test(line),
    );
    expect(clashes.length, win.hostPage.warnings.join('\n')).to.be.greaterThan(0);
    expect(win.hostPage.warnings.length).to.equal(clashes.length);
    // The page works: the heart saves, and the count and the list follow.
    shadow(win, 'heart').querySelector('button')!.click();
    await settle(win);
    expect(shadow(win, 'heart').querySelector('button')!.getAttribute('aria-pressed')).to.equal(
      'true',
    );
    expect(shadow(win, 'count').querySelector('[part="badge"]')!.textContent!.trim()).to.equal('1');
    expect(shadow(win, 'wishlist').querySelectorAll('[part~="item"]')).to.have.length(1);
  });

  it('aggressive global CSS (all: unset, buttons hidden, tiny images) changes nothing in the widgets', async function () {
    this.timeout(30_000);
    const { api, issuer, clientId } = await executeServerCommand<
      { api: string; issuer: string; clientId: string },
      undefined
    >('vitrine-backend');
    const ids = [
      'login',
      'count',
      'heart',
      'share',
      'vote',
      'wishlist',
      'leaderboard',
      'stories',
      'shared',
    ];
    const pages: { looks: Record<string, string>; media: string }[] = [];
    for (const path of ['widgets.html', 'widgets.html?css']) {
      const win = await openHostPage(`/tests/fixtures/host-pages/${path}`);
      win.vitrine.configure({ api, issuer, clientId });
      win.localStorage.clear();
      win.vitrine.clearWishlist();
      // The same states on both pages: a saved product, the share menu and a card open.
      shadow(win, 'heart').querySelector('button')!.click();
      shadow(win, 'share').querySelector<HTMLButtonElement>('[part~="trigger"]')!.click();
      await until(
        () =>
          shadow(win, 'vote').querySelector('[part~="button"]:not([disabled])') !== null &&
          shadow(win, 'leaderboard').querySelectorAll('[part~="item"]').length > 0,
        'the vote and the leaderboard from the back end',
        10_000,
      );
      await settle(win);
      expect(win.hostPage.errors, path).to.deep.equal([]);
      pages.push({ looks: looks(win, ids), media: storyMedia(win) });
      win.vitrine.clearWishlist();
      frames.pop()!.remove();
    }
    const [calm, hostile] = pages as [(typeof pages)[0], (typeof pages)[0]];
    calm.looks['story picture (light DOM)'] = calm.media;
    hostile.looks['story picture (light DOM)'] = hostile.media;
    // Sub-pixel differences (font rounding) are not something a shopper sees.
    const same = (a = 'absent', b = 'absent') => {
      if (a === b) return true;
      const [wa = NaN, ha = NaN] = a.split('×').map(Number);
      const [wb = NaN, hb = NaN] = b.split('×').map(Number);
      return Math.abs(wa - wb) <= 1 && Math.abs(ha - hb) <= 1;
    };
    const changed = Object.keys({ ...calm.looks, ...hostile.looks })
      .filter((key) => !same(calm.looks[key], hostile.looks[key]))
      .map((key) => `${key}: ${calm.looks[key] ?? 'absent'} → ${hostile.looks[key] ?? 'absent'}`);
    expect(changed, changed.join('\n')).to.deep.equal([]);
  });

  it('a right-to-left page: hotspots from the start edge, popovers inside the viewport, text rtl', async function () {
    this.timeout(30_000);
    const win = await openHostPage('/tests/fixtures/host-pages/widgets.html?rtl');
    await settle(win);
    expect(win.hostPage.errors).to.deep.equal([]);
    const viewport = { width: win.innerWidth, height: win.innerHeight };

    // A hotspot marks a point on the picture, and pictures do not mirror: x="0.2" stays a
    // fifth of the way from the picture's left edge.
    const story = win.document.getElementById('first')!.getBoundingClientRect();
    const tag = shadow(win, 'hotspot').querySelector('[part="tag"]')!.getBoundingClientRect();
    expect((tag.left + tag.width / 2 - story.left) / story.width).to.be.closeTo(0.2, 0.05);

    // The card and the share menu open inside the viewport (one at a time: opening one moves
    // focus into it, which closes the other).
    for (const [id, part, trigger] of [
      ['hotspot', 'card', '[part="tag"]'],
      ['share', 'panel', '[part~="trigger"]'],
    ] as const) {
      shadow(win, id).querySelector<HTMLButtonElement>(trigger)!.click();
      await settle(win);
      const box = shadow(win, id).querySelector(`[part="${part}"]`)!.getBoundingClientRect();
      expect(box.width, `${id} ${part} shows`).to.be.greaterThan(0);
      expect(
        box.left >= 0 &&
          box.top >= 0 &&
          box.right <= viewport.width &&
          box.bottom <= viewport.height,
        `${id} ${part} at ${JSON.stringify(box)} in ${JSON.stringify(viewport)}`,
      ).to.equal(true);
    }

    // Text inside the widgets runs right to left, as the page does.
    for (const [id, selector] of [
      ['heart', '[part="label"]'],
      ['stories', '[part="base"]'],
      ['share', '[part="panel"]'],
      ['login', '[part="provider-list"]'],
    ] as const) {
      const node = shadow(win, id).querySelector(selector)!;
      expect(win.getComputedStyle(node).direction, `${id} ${selector}`).to.equal('rtl');
    }

    // The story's own arrows follow the reading direction: the "next" key is ArrowLeft (the
    // card closed when the share menu took focus).
    expect(shadow(win, 'hotspot').querySelector('[part="card"]')!.hasAttribute('hidden')).to.equal(
      true,
    );
    const stories = win.document.getElementById('stories')!;
    stories
      .shadowRoot!.querySelector<HTMLElement>('[part="viewport"]')!
      .dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true }),
      );
    await settle(win);
    expect(win.document.getElementById('second')!.getAttribute('position')).to.equal('current');
  });
});
