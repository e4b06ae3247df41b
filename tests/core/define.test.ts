import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/core/define.js';
import { captureWarnings } from '../support/helpers.js';

describe('defineElement', () => {
  it('registers a tag once and ignores a second copy without throwing', async () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    defineElement('vitrine-test-twice', First);
    const warnings = await captureWarnings(() => defineElement('vitrine-test-twice', Second));
    expect(customElements.get('vitrine-test-twice')).to.equal(First);
    expect(warnings).to.have.length(0);
  });

  it('warns when another script already owns the tag', async () => {
    customElements.define('vitrine-test-foreign', class extends HTMLElement {});
    const warnings = await captureWarnings(() =>
      defineElement('vitrine-test-foreign', class extends HTMLElement {}),
    );
    expect(warnings.join()).to.contain('already defined by another script');
  });

  it('survives loading the whole library twice on one page', async () => {
    await import('../../src/index.js');
    const first = customElements.get('vitrine-wishlist-button');
    // A separately bundled copy, with its own Lit and stores, as a second script tag loads it.
    const secondCopy = '/__second-copy/vitrine.js';
    const warnings = await captureWarnings(() => import(/* @vite-ignore */ secondCopy));
    expect(customElements.get('vitrine-wishlist-button')).to.equal(first);
    expect(customElements.get('vitrine-wishlist')).to.exist;
    // Same version: nothing to tell the integrator, and nothing thrown into the page.
    expect(warnings).to.deep.equal([]);
  });
});
