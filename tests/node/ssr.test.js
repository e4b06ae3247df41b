// vitrine/ssr (dist/ssr.js, built by test:node) against the pages a CMS can hand it:
// property-based (fast-check) hostile attribute values on every element it draws, and HTML
// it does not know. After each page:
//   - taking out the shadow roots it inserted gives back the page, byte for byte;
//   - what it drew holds no element made from a payload, no script, no event handler, and
//     every URL in it is http(s) (relative ones resolved against the page);
//   - a page without a Vitrine element it draws comes back unchanged, whatever it holds;
//   - drawing a drawn page again changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { parse } from 'parse5';

const { renderVitrine } = await import('../../dist/ssr.js');

/** Drawn as boxes on the server (their content is the brand's markup), then by the browser. */
const BOXED = ['vitrine-stories', 'vitrine-story', 'vitrine-hotspot', 'vitrine-story-tray'];

const MARK = 'data-fuzz-markup';
const PAGE = 'https://shop.example/collections/page';

const MARKUP = [
  `<img ${MARK} src=x onerror="globalThis.__fuzzRan=1">`,
  `<b ${MARK}>bold</b>`,
  `"><svg ${MARK} onload="globalThis.__fuzzRan=1">`,
  `'><script ${MARK}>globalThis.__fuzzRan=1</script>`,
  `</template><iframe ${MARK} srcdoc="<script>parent.__fuzzRan=1</script>"></iframe>`,
  `<a ${MARK} href="javascript:globalThis.__fuzzRan=1">link</a>`,
  `<style ${MARK}>*{display:none}</style>`,
  `<template shadowrootmode="open"><b ${MARK}>shadow</b></template>`,
  `<vitrine-wishlist-button ${MARK} product-id="evil"></vitrine-wishlist-button>`,
  `<!-- <b ${MARK}> -->`,
  `--><b ${MARK}>`,
  '${globalThis.__fuzzRan=1}',
  '<!--lit-part--><!--/lit-part-->',
  '<![CDATA[',
  '&lt;b&gt;&amp;&quot;',
  '\u202e\u200f\u2066',
];

const URLS = [
  'javascript:globalThis.__fuzzRan=1',
  'JaVaScRiPt:globalThis.__fuzzRan=1',
  ' javascript:globalThis.__fuzzRan=1',
  'java\tscript:globalThis.__fuzzRan=1',
  'java\nscript:globalThis.__fuzzRan=1',
  '\u0000javascript:globalThis.__fuzzRan=1',
  '&#106;avascript:globalThis.__fuzzRan=1',
  'data:text/html,<script>parent.__fuzzRan=1</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//127.0.0.1:9/protocol-relative.jpg',
  '/picture.svg',
  '../up.svg',
  'https://127.0.0.1:9/page?a=1&b=<2>',
  'http://[::1',
];

const WORDS = ['fr', 'en', 'ar', 'zh-Hans', 'EUR', 'JPY', 'dark', 'sac-lune', 'next-icon', '1250'];

const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 3, arbitrary: fc.constantFrom(...URLS) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constant('') },
);

const ATTRIBUTES = {
  'vitrine-config': ['api', 'locale', 'currency', 'theme', 'providers', 'issuer', 'client-id'],
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
  'vitrine-add-to-bag': ['product-id', 'variant-id', 'quantity'],
};

/** An attribute value as a CMS writes it into HTML: quoted, `&` and `"` escaped. */
const quoted = (text) => `"${text.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`;

const element = fc.constantFrom(...Object.keys(ATTRIBUTES)).chain((tag) =>
  fc
    .array(fc.tuple(fc.constantFrom(...ATTRIBUTES[tag]), value), { maxLength: 6 })
    .map((attributes) => {
      const written = attributes.map(([name, text]) => ` ${name}=${quoted(text)}`).join('');
      return `<${tag}${written}></${tag}>`;
    }),
);

const attributesOf = (names) =>
  fc
    .array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 4 })
    .map((attributes) => attributes.map(([name, text]) => ` ${name}=${quoted(text)}`).join(''));

/** A carousel of slides with hotspots, alone or as a group of a tray, every value hostile. */
const stories = fc
  .record({
    tray: fc.option(attributesOf(['label']), { nil: undefined }),
    groups: fc.array(attributesOf(['id', 'label', 'cover', 'duration', 'src', 'autoplay']), {
      minLength: 1,
      maxLength: 3,
    }),
    slide: attributesOf(['id', 'duration']),
    hotspot: attributesOf(['product-id', 'x', 'y', 'name', 'image', 'url']),
  })
  .map(({ tray, groups, slide, hotspot }) => {
    const story = `<vitrine-story${slide}><img src="/a.jpg" alt=""><vitrine-hotspot${hotspot}></vitrine-hotspot></vitrine-story>`;
    const carousels = groups.map((group) => `<vitrine-stories${group}>${story}</vitrine-stories>`);
    return tray === undefined
      ? carousels.join('')
      : `<vitrine-story-tray${tray}>${carousels.join('')}</vitrine-story-tray>`;
  });

const page = fc
  .tuple(
    fc.option(value, { nil: undefined }),
    fc.array(fc.oneof({ weight: 4, arbitrary: element }, { weight: 1, arbitrary: stories }), {
      minLength: 1,
      maxLength: 5,
    }),
  )
  .map(
    ([lang, elements]) =>
      `<!doctype html><html${lang === undefined ? '' : ` lang=${quoted(lang)}`}><head>` +
      `<meta charset="utf-8"></head><body>\n${elements.join('\n')}\n</body></html>`,
  );

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'srcset', 'action', 'formaction', 'xlink:href'];
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Every node under `node`, inside templates too (a declarative shadow root is one). */
function* nodes(node) {
  for (const child of node.childNodes ?? []) {
    yield child;
    yield* nodes(child);
  }
  if (node.content) yield* nodes(node.content);
}

const isShadowRoot = (node) =>
  node.tagName === 'template' && node.attrs.some(({ name }) => name === 'shadowrootmode');

/** The page without the shadow roots vitrine/ssr put in, and those shadow roots. */
function takeApart(html) {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const inserted = [];
  for (const node of nodes(document)) {
    if (
      node.tagName?.startsWith('vitrine-') &&
      node.childNodes[0] &&
      isShadowRoot(node.childNodes[0])
    ) {
      inserted.push(node.childNodes[0]);
    }
  }
  let rest = html;
  for (const root of [...inserted].reverse()) {
    const { startOffset, endOffset } = root.sourceCodeLocation;
    rest = rest.slice(0, startOffset) + rest.slice(endOffset);
  }
  return { rest, inserted };
}

/** What broke an invariant in the shadow roots drawn, if anything. */
function violations(shadowRoots) {
  const found = [];
  for (const root of shadowRoots) {
    for (const node of nodes(root)) {
      if (!node.attrs) continue;
      if (['script', 'iframe', 'object', 'embed', 'base', 'meta'].includes(node.tagName)) {
        found.push(`<${node.tagName}> drawn`);
      }
      for (const { name, value: text } of node.attrs) {
        if (name === MARK) found.push(`markup became an element: <${node.tagName} ${MARK}>`);
        if (/^on/i.test(name)) found.push(`event handler ${name} on <${node.tagName}>`);
        if (!URL_ATTRIBUTES.includes(name)) continue;
        if (name === 'href' && text.startsWith('mailto:')) continue;
        const urls =
          name === 'srcset' ? text.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [text];
        for (const url of urls) {
          let ok = !CONTROL.test(url);
          try {
            ok &&= ['http:', 'https:'].includes(new URL(url, PAGE).protocol);
          } catch {
            ok = false;
          }
          if (!ok) found.push(`${name}=${JSON.stringify(url)} on <${node.tagName}>`);
        }
      }
    }
  }
  return found;
}

describe('vitrine/ssr against hostile pages', () => {
  let warn;
  let warnings = 0;
  before(() => {
    // The elements warn about every bad value, as in the browser; counted, not printed.
    warn = console.warn;
    console.warn = () => {
      warnings += 1;
    };
  });
  after(() => {
    console.warn = warn;
  });

  it('draws every element of a hostile page safely, and nothing else changes', async () => {
    let drawn = 0;
    await fc.assert(
      fc.asyncProperty(page, async (html) => {
        const out = await renderVitrine(html);
        const { rest, inserted } = takeApart(out);
        assert.equal(rest, html, 'the page itself is unchanged');
        assert.deepEqual(violations(inserted), []);
        assert.ok(!('__fuzzRan' in globalThis), 'no payload ran');
        assert.equal(await renderVitrine(out), out, 'drawing a drawn page again changes nothing');
        drawn += inserted.length;
      }),
      { numRuns: 150 },
    );
    assert.ok(drawn > 150, `drew ${drawn} elements`);
    assert.ok(warnings > 0, 'bad values were warned about');
  });

  it('draws every element it knows, the stories family as boxes', async () => {
    const tags = Object.keys(ATTRIBUTES).filter((tag) => tag !== 'vitrine-config');
    const html = `<body>${[...tags, ...BOXED].map((tag) => `<${tag}></${tag}>`).join('')}</body>`;
    const out = await renderVitrine(html);
    for (const tag of tags) {
      assert.match(out, new RegExp(`<${tag}><template shadowrootmode="open"><style>`));
    }
    for (const tag of BOXED) {
      assert.match(
        out,
        new RegExp(`<${tag}><template shadowrootmode="open"[^>]*><style data-vitrine-box>`),
      );
    }
  });

  it('passes HTML it does not draw through unchanged', async () => {
    const inert = [
      '<vitrine-unknown campaign=x></vitrine-unknown>',
      '<vitrine-config api="/api"></vitrine-config>',
      '<template><vitrine-wishlist-button product-id="a"></vitrine-wishlist-button></template>',
      '<svg><vitrine-vote campaign="c" product-id="a"></vitrine-vote></svg>',
      '<math><vitrine-vote campaign="c" product-id="a"></vitrine-vote></math>',
      '<noscript><vitrine-share></vitrine-share></noscript>',
      '<textarea><vitrine-share></vitrine-share></textarea>',
      '<title><vitrine-share></vitrine-share></title>',
      '<script>document.write("<vitrine-share></vitrine-share>")</script>',
      '<!-- <vitrine-share></vitrine-share> -->',
      '<div data-x="<vitrine-vote>"></div>',
      '<vitrine-share><template shadowrootmode="open"><b>mine</b></template></vitrine-share>',
    ];
    for (const html of inert) {
      for (const around of ['', '<!doctype html><html lang="fr"><body>']) {
        assert.equal(await renderVitrine(around + html), around + html);
      }
    }
    const piece = fc.oneof(
      fc.constantFrom(
        ...inert,
        '<!doctype html>',
        '<html lang="fr">',
        '<p class=a>',
        '</p>',
        '<div>',
        '</div>',
        '<vitrine-wishlist-button product-id="sac-lune">',
        '</vitrine-wishlist-button>',
        '<vitrine-vote campaign=next-icon product-id=sac-lune/>',
        '<![CDATA[ x ]]>',
        '<table><tr><td>cell',
        '</table>',
        '<a href="javascript:alert(1)">',
        '<img src=x onerror=alert(1)>',
        '&amp;&lt;&#0;&bogus;',
        '\r\n',
        '\r',
        '\u0000',
        '\ufeff',
        '<',
        '>',
        '"',
        "'",
      ),
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 25 }), async (pieces) => {
        const html = pieces.join('');
        const out = await renderVitrine(html);
        // Every byte of the page is still there, in order: only shadow roots were put in.
        assert.equal(takeApart(out).rest, takeApart(html).rest);
        assert.deepEqual(violations(takeApart(out).inserted), []);
      }),
      { numRuns: 300 },
    );
  });
});
