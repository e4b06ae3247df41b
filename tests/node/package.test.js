// What an integrator gets from `npm i vitrine` (after `npm run build`, which `npm run
// test:node` runs first): the published files, their imports, the manifest and the docs.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { readmeWithReference } from '../../scripts/docs-table.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
const jsFiles = (dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name));
const specifiers = (file) =>
  [
    ...readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([\w@./-]+)["']/g),
  ].map((match) => match[1]);

describe('the published package', () => {
  it('has every file its exports, types and customElements fields name', () => {
    const targets = Object.values(pkg.exports).flatMap((target) =>
      typeof target === 'string' ? [target] : Object.values(target),
    );
    for (const target of [...targets, pkg.types, pkg.customElements, pkg.main]) {
      assert.ok(existsSync(target), `${target} is missing`);
    }
  });

  it('imports only its declared dependencies, as bare specifiers a bundler resolves', () => {
    const dependencies = Object.keys(pkg.dependencies);
    // vitrine/react alone (dist/react.js, its components in dist/react/ and the chunks only
    // they load) imports the app's own React, an optional peer dependency.
    const reactPeers = ['react', '@lit/react'];
    for (const name of reactPeers) {
      assert.equal(pkg.peerDependenciesMeta[name]?.optional, true, `${name} is an optional peer`);
    }
    const reached = new Set();
    const reach = (file) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const specifier of specifiers(file)) {
        if (specifier.startsWith('.')) reach(join(dirname(file), specifier));
      }
    };
    for (const file of jsFiles('dist')) if (file !== join('dist', 'react.js')) reach(file);
    const peers = Object.fromEntries(
      [...jsFiles('dist'), ...jsFiles('dist/react'), ...jsFiles('dist/chunks')]
        .filter((file) => !reached.has(file))
        .map((file) => [file, reactPeers]),
    );
    assert.ok(peers[join('dist', 'react.js')] && peers[join('dist', 'react', 'vote.js')]);
    for (const file of [...jsFiles('dist'), ...jsFiles('dist/react'), ...jsFiles('dist/chunks')]) {
      for (const specifier of specifiers(file)) {
        if (specifier.startsWith('./') || specifier.startsWith('../')) continue;
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : specifier.split('/')[0];
        assert.ok(
          dependencies.includes(name) || peers[file]?.includes(name),
          `${file} imports undeclared "${specifier}"`,
        );
      }
    }
  });

  it('ships one self-contained CDN file, and one that fetches only files beside it', () => {
    assert.deepEqual(specifiers('dist/cdn/vitrine.bundle.js'), []);
    for (const file of jsFiles('dist/cdn')) {
      const code = readFileSync(file, 'utf8');
      for (const specifier of specifiers(file)) {
        assert.match(specifier, /^\.\/[\w.-]+\.js$/, `${file} imports "${specifier}"`);
        assert.ok(existsSync(join('dist/cdn', specifier)), `${file} imports missing ${specifier}`);
      }
      assert.ok(!code.includes('process.env'), `${file} must not read process.env`);
      assert.ok(!/\beval\(|new Function\(/.test(code), `${file} must run under a strict CSP`);
    }
  });

  it('lists a Subresource Integrity hash for every CDN file, matching its bytes', () => {
    const integrity = JSON.parse(readFileSync('dist/cdn/integrity.json', 'utf8'));
    const files = jsFiles('dist/cdn').map((file) => file.slice('dist/cdn/'.length));
    assert.deepEqual(Object.keys(integrity).sort(), files.sort());
    for (const [name, hash] of Object.entries(integrity)) {
      const digest = createHash('sha384').update(readFileSync(join('dist/cdn', name)));
      assert.equal(hash, `sha384-${digest.digest('base64')}`, name);
    }
  });

  it('embeds, in the README, the CDN files at this version on jsDelivr and unpkg, with SRI', () => {
    const readme = readFileSync('README.md', 'utf8');
    const tags = [
      ...readme.matchAll(/<script\s+type="module"\s+src="([^"]+)"\s+integrity="([^"]+)"/g),
    ];
    assert.deepEqual(
      tags.map(([, src]) => src),
      ['vitrine.js', 'vitrine.bundle.js'].map(
        (file) => `https://cdn.jsdelivr.net/npm/vitrine@${pkg.version}/dist/cdn/${file}`,
      ),
    );
    // The hash a brand copies is the one its file has: a stale one would block the script.
    const integrity = JSON.parse(readFileSync('dist/cdn/integrity.json', 'utf8'));
    for (const [, src, hash] of tags) {
      const file = src.slice(src.lastIndexOf('/') + 1);
      assert.equal(hash, integrity[file], `${file}: run \`npm run build && npm run docs\``);
    }
    assert.ok(readme.includes(`https://unpkg.com/vitrine@${pkg.version}/dist/cdn/vitrine.js`));
    assert.ok(existsSync('dist/cdn/integrity.json'));
  });

  it('lets server code import the stores without a DOM', async () => {
    const stores = await import('../../dist/stores.js');
    assert.equal(stores.$wishlistCount.get(), 0);
    assert.equal(stores.addToWishlist({ productId: 'sac-01', name: 'Sac Lune' }), true);
    assert.equal(stores.$wishlistCount.get(), 1);
    const url = stores.shareUrlFor(stores.$wishlistItems.get(), 'https://maison.example/shared');
    const shared = stores.readSharedWishlist(new URL(url).hash);
    assert.equal(shared.status, 'ok');
    assert.equal(shared.items[0].name, 'Sac Lune');
  });
});

describe('the custom elements manifest', () => {
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName);

  it('documents every element the library registers', () => {
    const entries = readdirSync('src', { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join('src', entry.name, 'index.ts')))
      .map((entry) => readFileSync(join('src', entry.name, 'index.ts'), 'utf8'))
      .concat(readFileSync(join('src', 'index.ts'), 'utf8'));
    const registered = [
      ...new Set(
        entries
          .flatMap((code) => [...code.matchAll(/defineElement\('([^']+)'/g)])
          .map((match) => match[1]),
      ),
    ].sort();
    assert.deepEqual(elements.map((element) => element.tagName).sort(), registered);
  });

  it('describes every element, attribute, event, part and custom property', () => {
    for (const element of elements) {
      assert.ok(element.summary, `<${element.tagName}> has no @summary`);
      const members = [
        ...(element.attributes ?? []),
        ...(element.events ?? []),
        ...(element.cssParts ?? []),
        ...(element.cssProperties ?? []),
      ];
      for (const member of members) {
        assert.ok(member.description, `<${element.tagName}> ${member.name} has no description`);
      }
    }
  });
});

describe('the README', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('starts with the two commands', () => {
    const top = readme.split('\n').slice(0, 20).join('\n');
    assert.match(top, /npm install && npm start/);
    assert.match(top, /npm test/);
  });

  it('has an element reference that matches the manifest (npm run docs)', async () => {
    assert.equal(await readmeWithReference(readme, manifest), readme);
  });
});
