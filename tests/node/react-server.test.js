// vitrine/react on a server (a Next.js or Remix render): the built package (dist/react.js,
// as `npm i vitrine` gives it) loads in plain Node, where there is no DOM; react-dom/server
// renders each component as its tag and attributes; vitrine/ssr then draws that markup into
// declarative shadow roots. And a bundler that imports one component keeps that one alone.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

describe('vitrine/react on the server', () => {
  it('loads in Node without a DOM', async () => {
    assert.equal(typeof globalThis.HTMLElement, 'undefined');
    assert.equal(typeof globalThis.document, 'undefined');
    const react = await import('../../dist/react.js');
    assert.equal(typeof react.WishlistButton, 'object');
    assert.equal(typeof react.Config, 'object');
  });

  it('renders a component as its tag and attributes', async () => {
    const { Config, WishlistButton } = await import('../../dist/react.js');
    const html = renderToString(
      createElement(
        'main',
        null,
        createElement(Config, { locale: 'fr', bag: true }),
        createElement(WishlistButton, {
          productId: 'sac-lune',
          name: 'Sac Lune',
          price: 1450,
          showLabel: true,
          available: false,
          className: 'heart',
          onWishlistChange: () => {},
        }),
      ),
    );
    assert.match(html, /<vitrine-config locale="fr" bag="">/);
    const tag = html.match(/<vitrine-wishlist-button[^>]*>/)?.[0] ?? '';
    assert.match(tag, / product-id="sac-lune"/);
    assert.match(tag, / name="Sac Lune"/);
    assert.match(tag, / price="1450"/);
    assert.match(tag, / show-label=""/);
    assert.match(tag, / class="heart"/);
    // false is an absent attribute; a handler is no attribute at all.
    assert.doesNotMatch(tag, /available|onWishlistChange|productId/i);
  });

  it('gives vitrine/ssr markup it draws into declarative shadow roots', async () => {
    const { Config, WishlistButton } = await import('../../dist/react.js');
    const app = renderToString(
      createElement(
        'main',
        null,
        createElement(Config, { locale: 'fr' }),
        createElement(WishlistButton, { productId: 'sac-lune', name: 'Sac Lune' }),
      ),
    );
    const { renderVitrine } = await import('../../dist/ssr.js');
    const page = await renderVitrine(`<!doctype html><html lang="fr"><body>${app}</body></html>`);
    const drawn = page.match(
      /<vitrine-wishlist-button[^>]*><template shadowrootmode="open">([\s\S]*?)<\/template>/,
    );
    assert.ok(drawn, page);
    const button = drawn[1].match(/<button[^>]*>/)?.[0] ?? '';
    assert.match(button, /aria-label="[^"]*Sac Lune[^"]*"/, drawn[1]);
  });
});

describe('vitrine/react in a bundler', () => {
  it('keeps only the components a page imports', async () => {
    const result = await build({
      stdin: {
        contents: "export { WishlistButton } from 'vitrine/react';",
        resolveDir: here('../..'),
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      write: false,
      metafile: true,
      minify: true,
      conditions: ['production'],
      // As react.test.js does: the built package, as `npm i vitrine` gives it (package.json
      // and its `sideEffects` included).
      alias: { 'vitrine/react': here('../../dist/react.js') },
      external: ['react', 'lit', 'lit/*', '@lit/*', '@lit-labs/*', 'nanostores'],
      logLevel: 'silent',
    }).catch((error) => error);
    assert.ok(result.metafile, String(result));
    // The files esbuild read and kept code of (it reads the others, and drops them).
    const [output] = Object.values(result.metafile.outputs);
    const inputs = Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path);
    assert.ok(inputs.includes('dist/react/wishlist-button.js'), inputs.join('\n'));
    const others = inputs.filter((path) => /^dist\/react\/(?!wishlist-button\.js)/.test(path));
    assert.deepEqual(others, []);
    const code = result.outputFiles[0].text;
    assert.match(code, /vitrine-wishlist-button/);
    for (const tag of ['vitrine-login', 'vitrine-stories', 'vitrine-leaderboard', 'vitrine-vote'])
      assert.doesNotMatch(code, new RegExp(`"${tag}"`), tag);
  });
});
