// Property-based tests (fast-check) of every element against what a CMS, a feed, a share link
// or a compromised back end can put in front of it: random and adversarial attribute values
// (set at creation, then changed at run time), stories feeds, shared-wishlist fragments,
// stored products and signed-in profiles. After each input, whatever the widget did with it:
//   - nothing was thrown into the page (error, unhandled rejection, console.error);
//   - every href/src/poster rendered anywhere (shadow roots included) is http(s), or a
//     relative URL that resolves to http(s) (the e-mail share target's mailto: aside);
//   - text stayed text: no element made from a payload exists, no payload script ran.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';
import '../../src/index.js';
import { CONTROL } from '../../src/core/safe-url.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { logout, startSession } from '../../src/stores/session.js';
import { addToWishlist, clearWishlist } from '../../src/stores/wishlist.js';
import { resetVitrine } from '../support/helpers.js';

/** Marks every element a payload would create, were it ever parsed as markup. */
const MARK = 'data-fuzz-markup';

const MARKUP = [
  `<img ${MARK} src=x onerror="window.__fuzzRan=1">`,
  `<b ${MARK}>bold</b>`,
  `"><svg ${MARK} onload="window.__fuzzRan=1">`,
  `'><script ${MARK}>window.__fuzzRan=1</script>`,
  `</p><iframe ${MARK} srcdoc="<script>parent.__fuzzRan=1</script>"></iframe>`,
  `<a ${MARK} href="javascript:window.__fuzzRan=1">link</a>`,
  `<style ${MARK}>*{display:none}</style>`,
  `<vitrine-wishlist-button ${MARK} product-id="evil"></vitrine-wishlist-button>`,
  `<!-- <b ${MARK}> -->`,
  '${window.__fuzzRan=1}',
  '{{constructor.constructor("window.__fuzzRan=1")()}}',
  '<![CDATA[',
  '&lt;b&gt;&amp;',
  '\u202e\u200f\u2066',
];

/** Nothing outside this machine: a refused port stands for "somewhere else". */
const URLS = [
  'javascript:window.__fuzzRan=1',
  'JaVaScRiPt:window.__fuzzRan=1',
  ' javascript:window.__fuzzRan=1',
  'java\tscript:window.__fuzzRan=1',
  'java\nscript:window.__fuzzRan=1',
  '\u0000javascript:window.__fuzzRan=1',
  '\u0001javascript:window.__fuzzRan=1',
  'javascript://%0awindow.__fuzzRan=1',
  '&#106;avascript:window.__fuzzRan=1',
  '%6Aavascript:window.__fuzzRan=1',
  'data:text/html,<script>parent.__fuzzRan=1</script>',
  'data:image/svg+xml,<svg onload="parent.__fuzzRan=1"/>',
  'vbscript:msgbox(1)',
  'blob:http://127.0.0.1:9/x',
  'file:///etc/passwd',
  'ftp://127.0.0.1:9/x',
  'about:blank',
  'mailto:x@example.com',
  'tel:+33100000000',
  '//127.0.0.1:9/protocol-relative.jpg',
  '/__fuzz/page/picture.svg',
  '../up.svg',
  '?query=1',
  '#fragment',
  'http://127.0.0.1:9/picture.jpg',
  'https://127.0.0.1:9/page?a=1&b=<2>',
  'http://[::1',
  `http://127.0.0.1:9/${'a'.repeat(3000)}`,
  'https://user:pass@127.0.0.1:9/',
  'https:127.0.0.1:9/scheme-without-slashes',
  'https:\\\\127.0.0.1:9/backslashes',
  ' http://127.0.0.1:9/leading-space',
  'http://127.0.0.1:9/\u0085next-line',
  'http://127.0.0.1:9/\u2028line-separator',
  'http://127.0.0.1:9/\u202eoverride',
  'http://127.0.0.1:9/\ud83dlone-surrogate',
];

const NUMBERS = [
  '0',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '1,5',
  ' 7 ',
  '1e21',
  '-0',
  '0.5',
  '2',
  '.5e1',
  '999999999999999999999',
];

const WORDS = [
  'google',
  'apple',
  'facebook',
  'x',
  'pinterest',
  'wechat',
  'line',
  'native',
  'copy',
  'email',
  'whatsapp',
  'none',
  'popup',
  'redirect',
  'local',
  'session',
  'memory',
  'light',
  'dark',
  'auto',
  'fr',
  'en',
  'zh-Hans',
  'ar',
  'EUR',
  'USD',
  'JPY',
  'wishlist',
  'product',
  '__proto__',
  'constructor',
  'toString',
  'icons',
  'archive',
  'sac-lune',
];

/** An attribute value: adversarial, random, or plausible. */
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 3, arbitrary: fc.constantFrom(...URLS) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' ')),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(5000)) },
  { weight: 1, arbitrary: fc.constant('') },
);

/** A set of attributes, each present or not. */
const attributes = (names: readonly string[]) =>
  fc.record(Object.fromEntries(names.map((name) => [name, fc.option(value, { nil: undefined })])), {
    requiredKeys: [],
  }) as fc.Arbitrary<Record<string, string | undefined>>;

const ATTRIBUTES = {
  'vitrine-config': [
    'api',
    'issuer',
    'client-id',
    'redirect-uri',
    'providers',
    'provider-param',
    'locale',
    'currency',
    'theme',
    'storage',
  ],
  'vitrine-wishlist-button': [
    'product-id',
    'variant-id',
    'variant-name',
    'available',
    'name',
    'price',
    'currency',
    'image',
    'url',
    'show-label',
  ],
  'vitrine-wishlist-count': ['hide-empty'],
  'vitrine-wishlist': ['share-url', 'share-targets', 'heading-level'],
  'vitrine-share': ['targets', 'what', 'product-id', 'url', 'text'],
  'vitrine-shared-wishlist': ['heading-level'],
  'vitrine-login': ['providers', 'mode', 'compact', 'keep-session'],
  'vitrine-vote': ['product-id', 'campaign', 'name'],
  'vitrine-leaderboard': ['campaign', 'limit', 'goal', 'hide-counts', 'closes-at', 'heading-level'],
  'vitrine-stories': ['autoplay', 'duration', 'loop', 'label', 'campaign'],
  'vitrine-story': ['duration'],
  'vitrine-hotspot': [
    'product-id',
    'variant-id',
    'variant-name',
    'available',
    'x',
    'y',
    'name',
    'price',
    'currency',
    'image',
    'url',
  ],
} as const;

/** Inputs tried, per element, for the README's figures (printed at the end). */
const tried: Record<string, number> = {};
const count = (what: string) => (tried[what] = (tried[what] ?? 0) + 1);

// What reached the page.
const escaped: string[] = [];
const onError = (event: ErrorEvent) => escaped.push(`error: ${event.message}`);
const onRejection = (event: PromiseRejectionEvent) =>
  escaped.push(`unhandled rejection: ${String(event.reason)}`);
let consoleError: typeof console.error;
let consoleWarn: typeof console.warn;

function apply(el: Element, attrs: Record<string, string | undefined>): void {
  for (const [name, val] of Object.entries(attrs)) {
    if (val === undefined) el.removeAttribute(name);
    else el.setAttribute(name, val);
  }
}

/** Every element of `root`, shadow roots included. */
function* deep(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}

async function settle(root: ParentNode): Promise<void> {
  for (let round = 0; round < 2; round += 1) {
    const hosts = [...deep(root)].filter((el) => el.shadowRoot) as (Element & {
      updateComplete?: Promise<unknown>;
    })[];
    await Promise.all(hosts.map((el) => el.updateComplete?.catch(() => undefined)));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const URL_ATTRIBUTES = [
  'href',
  'src',
  'poster',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'background',
  'ping',
  'cite',
];

/** What broke an invariant in `root`, if anything. */
function violations(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of deep(root)) {
    if (el.hasAttribute(MARK)) found.push(`markup became an element: <${el.localName} ${MARK}>`);
    for (const name of URL_ATTRIBUTES) {
      const raw = el.getAttribute(name);
      if (raw === null) continue;
      if (name === 'href' && el.matches('[part~="target-email"]') && raw.startsWith('mailto:')) {
        continue;
      }
      const urls =
        name === 'srcset' ? raw.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [raw];
      for (const url of urls) {
        let ok = !CONTROL.test(url);
        try {
          ok &&= ['http:', 'https:'].includes(new URL(url, document.baseURI).protocol);
        } catch {
          ok = false;
        }
        if (!ok) found.push(`<${el.localName} ${name}="${url.slice(0, 80)}">`);
      }
    }
  }
  if ((window as { __fuzzRan?: unknown }).__fuzzRan !== undefined) {
    found.push('a payload script ran');
  }
  return found;
}

/** Asserts the invariants, naming the input that broke them. */
function assertClean(root: ParentNode, input: unknown): void {
  const broken = [...escaped.splice(0), ...violations(root)];
  if (broken.length > 0) {
    throw new Error(`${broken.join('\n')}\n  for input ${JSON.stringify(input).slice(0, 600)}`);
  }
}

/** Mounts `build()`'s tree, lets it render, runs `act`, lets it render again. */
async function mount<T extends Element>(
  build: () => T,
  act?: (el: T) => unknown,
): Promise<{ el: T; box: HTMLElement }> {
  const box = document.createElement('div');
  box.style.cssText = 'width: 360px';
  document.body.append(box);
  const el = build();
  box.append(el);
  await settle(box);
  if (act) {
    await act(el);
    await settle(box);
  }
  return { el, box };
}

const click = (root: ShadowRoot | null | undefined, selector: string) =>
  root?.querySelector<HTMLElement>(selector)?.click();

const RUNS = 60;

describe('fuzzing every element', () => {
  const page = location.href;
  before(() => {
    // Relative URLs made up below resolve under a path the test server answers quietly.
    history.replaceState(null, '', '/__fuzz/page/');
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    consoleError = console.error;
    consoleWarn = console.warn;
    console.error = (...args: unknown[]) =>
      escaped.push(`console.error: ${args.map(String).join(' ')}`);
    // Bad values are expected to be refused with a warning: keep the output readable.
    console.warn = () => {};
  });
  after(() => {
    history.replaceState(null, '', page);
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
    console.error = consoleError;
    console.warn = consoleWarn;
    const total = Object.values(tried).reduce((sum, n) => sum + n, 0);
    console.log(`[fuzz] ${total} inputs: ${JSON.stringify(tried)}`);
  });
  beforeEach(() => {
    resetVitrine();
    logout();
    delete (window as { __fuzzRan?: unknown }).__fuzzRan;
  });
  afterEach(() => {
    resetVitrine();
    logout();
  });

  it('catches what it looks for: a script URL, markup from text, an escaped error', () => {
    const box = document.createElement('div');
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const link = document.createElement('a');
    link.setAttribute('href', ' javascript:void 0');
    const made = document.createElement('b');
    made.setAttribute(MARK, '');
    const picture = document.createElement('img');
    picture.setAttribute('src', '/__fuzz/page/fine.svg');
    root.append(link, made, picture);
    box.append(host);
    expect(violations(box)).to.deep.equal([
      '<a href=" javascript:void 0">',
      `markup became an element: <b ${MARK}>`,
    ]);
    escaped.push('error: boom');
    expect(() => assertClean(box, {})).to.throw(/error: boom/);
  });

  // Elements that stand alone, with an interaction that renders their other states.
  const standalone: [keyof typeof ATTRIBUTES, ((el: Element) => unknown) | undefined][] = [
    ['vitrine-wishlist-button', (el) => click(el.shadowRoot, 'button')],
    ['vitrine-wishlist-count', undefined],
    ['vitrine-share', (el) => click(el.shadowRoot, '[part~="trigger"]')],
    ['vitrine-login', undefined],
    ['vitrine-vote', undefined],
    ['vitrine-leaderboard', undefined],
  ];
  for (const [tag, act] of standalone) {
    it(`<${tag}>: random and hostile attributes, at creation and at run time`, async function () {
      this.timeout(120_000);
      await fc.assert(
        fc.asyncProperty(
          attributes(ATTRIBUTES[tag]),
          attributes(ATTRIBUTES[tag]),
          async (first, then) => {
            count(tag);
            const { el, box } = await mount(() => {
              const node = document.createElement(tag);
              apply(node, first);
              return node;
            }, act);
            apply(el, then);
            await settle(box);
            await act?.(el);
            await settle(box);
            try {
              assertClean(box, { first, then });
            } finally {
              box.remove();
            }
          },
        ),
        { numRuns: RUNS },
      );
    });
  }

  it('<vitrine-config>: random and hostile settings, followed by every widget', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(
        attributes(ATTRIBUTES['vitrine-config']),
        attributes(ATTRIBUTES['vitrine-config']),
        async (first, then) => {
          count('vitrine-config');
          const { box } = await mount(() => {
            const page = document.createElement('div');
            const config = document.createElement('vitrine-config');
            // No back end anywhere but here: `api` values that would leave the machine are
            // tried by the other elements against the real test back end.
            apply(config, { ...first, api: first.api?.startsWith('http') ? undefined : first.api });
            page.append(config);
            page.insertAdjacentHTML(
              'beforeend',
              `<vitrine-login></vitrine-login><vitrine-wishlist-button product-id="sac-lune" name="Lune"></vitrine-wishlist-button>
             <vitrine-wishlist-count></vitrine-wishlist-count><vitrine-wishlist></vitrine-wishlist>`,
            );
            return page;
          });
          const config = box.querySelector('vitrine-config')!;
          apply(config, { ...then, api: then.api?.startsWith('http') ? undefined : then.api });
          await settle(box);
          click(box.querySelector('vitrine-wishlist-button')!.shadowRoot, 'button');
          await settle(box);
          try {
            assertClean(box, { first, then });
          } finally {
            box.remove();
            resetConfig();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  const product = fc.record(
    {
      productId: fc.oneof(fc.constantFrom('sac-lune', 'carre-jardin', 'x'), value),
      variantId: fc.oneof(fc.constantFrom('38-noir', '40-noir'), value),
      variantName: value,
      available: fc.oneof(fc.boolean(), value),
      name: value,
      price: fc.oneof(fc.double(), fc.integer(), value),
      currency: value,
      image: fc.oneof(fc.constantFrom(...URLS), value),
      url: fc.oneof(fc.constantFrom(...URLS), value),
      addedAt: fc.oneof(fc.integer(), fc.double(), value),
    },
    { requiredKeys: [] },
  );

  it('<vitrine-wishlist>: stored products with hostile fields, listed, shared and removed', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(
        fc.array(product, { maxLength: 4 }),
        attributes(ATTRIBUTES['vitrine-wishlist']),
        async (products, attrs) => {
          count('vitrine-wishlist');
          for (const item of products) addToWishlist(item as never);
          const { el, box } = await mount(() => {
            const node = document.createElement('vitrine-wishlist');
            apply(node, attrs);
            return node;
          });
          click(el.shadowRoot?.querySelector('vitrine-share')?.shadowRoot, '[part~="trigger"]');
          await settle(box);
          click(el.shadowRoot, '[part~="remove"]');
          await settle(box);
          try {
            assertClean(box, { products, attrs });
          } finally {
            box.remove();
            clearWishlist();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('<vitrine-login>: signed-in profiles with hostile names and pictures', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(
        value,
        fc.oneof(fc.constantFrom(...URLS), value),
        attributes(ATTRIBUTES['vitrine-login']),
        async (name, picture, attrs) => {
          count('vitrine-login (signed in)');
          startSession(
            { sub: 'fuzz', name, picture },
            { idToken: 'x', expiresAt: Date.now() + 3_600_000 },
          );
          const { el, box } = await mount(
            () => {
              const node = document.createElement('vitrine-login');
              apply(node, attrs);
              return node;
            },
            (node) => click(node.shadowRoot, '[part="account"]'),
          );
          void el;
          try {
            assertClean(box, { name, picture, attrs });
          } finally {
            box.remove();
            logout();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  /** A JSON value shaped like a wishlist share link, with anything inside. */
  const wire = fc.oneof(
    fc.record(
      {
        v: fc.oneof(fc.constant(1), fc.constant(2), fc.integer(), value),
        items: fc.oneof(
          fc.array(
            fc.record(
              {
                id: fc.oneof(fc.constantFrom('sac-lune', 'carre-jardin'), value),
                vi: fc.oneof(fc.constantFrom('38-noir', '40-noir'), value),
                vn: value,
                n: value,
                p: fc.oneof(fc.double(), value),
                c: value,
                i: fc.oneof(fc.constantFrom(...URLS), value),
                u: fc.oneof(fc.constantFrom(...URLS), value),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 5 },
          ),
          fc.anything({ maxDepth: 2 }),
        ),
      },
      { requiredKeys: [] },
    ),
    fc.anything({ maxDepth: 3 }),
  );
  const base64url = (text: string) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(text)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  const fragment = fc.oneof(
    wire.map((json) => `#vitrine-wishlist=${base64url(JSON.stringify(json) ?? 'null')}`),
    fc
      .string({ unit: 'binary', maxLength: 200 })
      .map((junk) => `#vitrine-wishlist=${encodeURIComponent(junk)}`),
    fc.string({ maxLength: 60 }).map((junk) => `#vitrine-shared=${junk}`),
    fc.constantFrom(...MARKUP, ...URLS).map((junk) => `#${junk}`),
  );

  it('<vitrine-shared-wishlist>: share links with anything in them, and "save all"', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(
        fragment,
        attributes(ATTRIBUTES['vitrine-shared-wishlist']),
        async (hash, attrs) => {
          count('vitrine-shared-wishlist');
          history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
          const { el, box } = await mount(() => {
            const node = document.createElement('vitrine-shared-wishlist');
            apply(node, attrs);
            return node;
          });
          // A stranger's list links only to this page's origin and shows only its pictures.
          for (const link of el.shadowRoot!.querySelectorAll('a')) {
            if (new URL(link.href).origin !== location.origin) {
              throw new Error(`a shared item links to ${link.href} for ${hash}`);
            }
          }
          for (const image of el.shadowRoot!.querySelectorAll('img')) {
            if (new URL(image.src).origin !== location.origin) {
              throw new Error(`a shared item shows ${image.src} for ${hash}`);
            }
          }
          click(el.shadowRoot, '[part~="save-all"]');
          await settle(box);
          const list = document.createElement('vitrine-wishlist');
          box.append(list);
          await settle(box);
          try {
            assertClean(box, { hash, attrs });
          } finally {
            box.remove();
            clearWishlist();
            history.replaceState(null, '', location.pathname + location.search);
          }
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('<vitrine-stories>, <vitrine-story>, <vitrine-hotspot>: hostile slides, media and tags', async function () {
    this.timeout(120_000);
    const media = fc.record({
      kind: fc.constantFrom('img', 'video', 'text'),
      src: fc.oneof(fc.constantFrom(...URLS), value),
      poster: fc.oneof(fc.constantFrom(...URLS), value),
    });
    await fc.assert(
      fc.asyncProperty(
        attributes(ATTRIBUTES['vitrine-stories']),
        fc.array(
          fc.tuple(
            attributes(ATTRIBUTES['vitrine-story']),
            media,
            fc.array(attributes(ATTRIBUTES['vitrine-hotspot']), { maxLength: 2 }),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        async (storiesAttrs, slides) => {
          count('vitrine-stories');
          const { el, box } = await mount(
            () => {
              const stories = document.createElement('vitrine-stories');
              apply(stories, storiesAttrs);
              for (const [storyAttrs, { kind, src, poster }, hotspots] of slides) {
                const story = document.createElement('vitrine-story');
                apply(story, storyAttrs);
                if (kind === 'text') {
                  const text = document.createElement('div');
                  text.dataset.vitrineText = '';
                  text.textContent = src;
                  story.append(text);
                } else {
                  const node = document.createElement(kind);
                  node.dataset.src = src;
                  if (kind === 'video') node.dataset.poster = poster;
                  story.append(node);
                }
                for (const attrs of hotspots) {
                  const hotspot = document.createElement('vitrine-hotspot');
                  apply(hotspot, attrs);
                  story.append(hotspot);
                }
                stories.append(story);
              }
              return stories;
            },
            (stories) => {
              for (const hotspot of stories.querySelectorAll('vitrine-hotspot')) {
                click(hotspot.shadowRoot, '[part="tag"]');
              }
            },
          );
          click(el.shadowRoot, '[part="next"]');
          await settle(box);
          for (const hotspot of el.querySelectorAll('vitrine-hotspot')) {
            click(hotspot.shadowRoot, '[part="tag"]');
          }
          await settle(box);
          try {
            assertClean(box, { storiesAttrs, slides });
          } finally {
            box.remove();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('<vitrine-stories src>: feeds with anything in them', async function () {
    this.timeout(120_000);
    const slide = fc.record(
      {
        id: value,
        type: fc.oneof(fc.constantFrom('image', 'video', 'text'), value),
        src: fc.oneof(fc.constantFrom(...URLS), value),
        poster: fc.oneof(fc.constantFrom(...URLS), value),
        alt: value,
        heading: value,
        text: value,
        label: value,
        width: fc.oneof(fc.integer(), fc.double(), value),
        height: fc.oneof(fc.integer(), fc.double(), value),
        duration: fc.oneof(fc.double(), value),
        hotspots: fc.oneof(
          fc.array(
            fc.record(
              {
                productId: fc.oneof(fc.constant('sac-lune'), value),
                variantId: fc.oneof(fc.constant('38-noir'), value),
                variantName: value,
                available: fc.oneof(fc.boolean(), value),
                x: fc.oneof(fc.double(), value),
                y: fc.oneof(fc.double(), value),
                name: value,
                price: fc.oneof(fc.double(), value),
                currency: value,
                image: fc.oneof(fc.constantFrom(...URLS), value),
                url: fc.oneof(fc.constantFrom(...URLS), value),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          ),
          fc.anything({ maxDepth: 2 }),
        ),
      },
      { requiredKeys: [] },
    );
    const feed = fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .record(
            {
              version: fc.oneof(fc.constant(1), value),
              label: value,
              slides: fc.array(slide, { maxLength: 4 }),
            },
            { requiredKeys: ['slides'] },
          )
          .map((json) => JSON.stringify(json)),
      },
      {
        weight: 1,
        arbitrary: fc.anything({ maxDepth: 3 }).map((json) => JSON.stringify(json) ?? 'null'),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    );
    await fc.assert(
      fc.asyncProperty(feed, async (body) => {
        count('vitrine-stories (feed)');
        const src = await executeServerCommand<string, { body: string }>('vitrine-fuzz-feed', {
          body,
        });
        const { el, box } = await mount(() => {
          const stories = document.createElement('vitrine-stories');
          stories.setAttribute('src', src);
          return stories;
        });
        // Until the feed has been read: slides appear, or the empty state says it failed.
        for (let wait = 0; wait < 100; wait += 1) {
          if (el.querySelector('vitrine-story') || el.shadowRoot?.querySelector('[part="empty"]'))
            break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await settle(box);
        for (const hotspot of el.querySelectorAll('vitrine-hotspot')) {
          click(hotspot.shadowRoot, '[part="tag"]');
        }
        click(el.shadowRoot, '[part="next"]');
        await settle(box);
        try {
          assertClean(box, { body });
        } finally {
          box.remove();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('<vitrine-vote> and <vitrine-leaderboard> against the real back end: any campaign, any product', async function () {
    this.timeout(120_000);
    const { api, issuer, clientId } = await executeServerCommand<
      { api: string; issuer: string; clientId: string },
      undefined
    >('vitrine-backend');
    await fc.assert(
      fc.asyncProperty(
        attributes(ATTRIBUTES['vitrine-vote']),
        attributes(ATTRIBUTES['vitrine-leaderboard']),
        async (voteAttrs, boardAttrs) => {
          count('vitrine-vote + leaderboard (back end)');
          configure({ api, issuer, clientId });
          const { box } = await mount(() => {
            const page = document.createElement('div');
            const vote = document.createElement('vitrine-vote');
            apply(vote, { campaign: 'icons', 'product-id': 'sac-lune', ...voteAttrs });
            const board = document.createElement('vitrine-leaderboard');
            apply(board, { campaign: 'icons', ...boardAttrs });
            page.append(vote, board);
            return page;
          });
          // Until both have heard from the back end (or know they will not).
          for (let wait = 0; wait < 50; wait += 1) {
            const busy = [...box.querySelectorAll('vitrine-vote, vitrine-leaderboard')].some(
              (node) => /Loading|–/.test(node.shadowRoot?.textContent ?? ''),
            );
            if (!busy) break;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          await settle(box);
          try {
            assertClean(box, { voteAttrs, boardAttrs });
          } finally {
            box.remove();
            resetConfig();
          }
        },
      ),
      { numRuns: RUNS / 2 },
    );
    expect(Object.keys(tried).length).to.be.greaterThan(0);
  });
});
