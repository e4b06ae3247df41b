// vitrine/react, vitrine/vue and vitrine/svelte are generated from the custom elements
// manifest (scripts/frameworks.js, run by `npm run docs`): they must match it, so that no
// element, attribute or event is missing from them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { elementsOf, staleFiles } from '../../scripts/frameworks.js';

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));

describe('the framework bindings', () => {
  it('are what the manifest gives today (npm run docs)', async () => {
    assert.deepEqual(await staleFiles(manifest), []);
  });

  it('would be found stale when an element gains an attribute or an event', async () => {
    const changed = JSON.parse(JSON.stringify(manifest));
    const vote = changed.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.tagName === 'vitrine-vote');
    vote.attributes.push({ name: 'variant-id', type: { text: 'string' }, fieldName: 'variantId' });
    vote.events.push({ name: 'vitrine-vote-error' });
    assert.deepEqual((await staleFiles(changed)).sort(), [
      'src/core/tag-types.ts',
      'src/react/components/vote.ts',
    ]);
  });

  it('would be found stale when an element is removed: its component module is left over', async () => {
    const changed = JSON.parse(JSON.stringify(manifest));
    for (const module of changed.modules) {
      module.declarations = (module.declarations ?? []).filter(
        (declaration) => declaration.tagName !== 'vitrine-share',
      );
    }
    const stale = await staleFiles(changed);
    assert.ok(stale.includes('src/react/components/share.ts'), stale.join(', '));
  });

  it('name one React component per element, its events as the spec names them', () => {
    // What dist/types/react/index.d.ts re-exports, each from the module of its component
    // (tests/node/react.test.js runs them).
    const index = readFileSync('dist/types/react/index.d.ts', 'utf8');
    const react = Object.fromEntries(
      [...index.matchAll(/^export \{ (\w+) \} from '\.\/components\/([\w-]+)\.js';/gm)].map(
        ([, name, file]) => {
          const declared = readFileSync(`dist/types/react/components/${file}.d.ts`, 'utf8');
          return [name, new RegExp(`^export declare const ${name}\\b`, 'm').test(declared)];
        },
      ),
    );
    const elements = elementsOf(manifest);
    assert.deepEqual(
      elements.map((element) => element.component).sort(),
      Object.keys(react).sort(),
    );
    for (const name of [
      'WishlistButton',
      'WishlistCount',
      'Wishlist',
      'Share',
      'SharedWishlist',
      'Login',
      'Vote',
      'Leaderboard',
      'Stories',
      'Story',
      'Hotspot',
      'StoryTray',
      'AddToBag',
      'Config',
    ]) {
      assert.ok(react[name], `vitrine/react exports ${name}`);
    }
    const props = Object.fromEntries(
      elements.map((element) => [element.component, element.events.map((event) => event.prop)]),
    );
    assert.deepEqual(props.WishlistButton, ['onWishlistChange']);
    assert.deepEqual(props.Login, ['onLogin', 'onLogout', 'onLoginError']);
    assert.deepEqual(props.Vote, ['onVote']);
    assert.deepEqual(props.Share, ['onShare']);
    assert.deepEqual(props.Stories, ['onStoryChange', 'onStoryView', 'onStoryComplete']);
    assert.deepEqual(props.Hotspot, ['onHotspotOpen', 'onAddToBag', 'onHotspotClose']);
    assert.deepEqual(props.SharedWishlist, ['onAddToBag', 'onSharedWishlistSave']);
  });
});
