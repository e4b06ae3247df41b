// A page with stories only (no `vitrine/wishlist`): the elements a hotspot's card shows
// arrive with the first card, and work as on a page that has them already.
import { expect } from '@open-wc/testing';
import { configure } from '../../src/core/config.js';
import { $wishlistItems } from '../../src/stores/wishlist.js';
import { resetVitrine, until } from '../support/helpers.js';
import { hotspot, part } from '../support/hotspot-card.js';

describe('<vitrine-hotspot> card on a page of stories alone', () => {
  beforeEach(() => resetVitrine());

  it('loads the heart with the first card opened, and it works', async () => {
    const spot = await hotspot();
    // The story is drawn, and the page has fetched none of what a card shows.
    const defined = ['vitrine-wishlist-button', 'vitrine-add-to-bag'].filter((tag) =>
      customElements.get(tag),
    );
    expect(defined).to.deep.equal([]);
    part(spot, 'tag')!.click();
    await spot.updateComplete;
    const heart = spot.shadowRoot!.querySelector('vitrine-wishlist-button')!;
    await until(() => heart.shadowRoot?.querySelector('button') != null, 'the heart in the card');
    heart.shadowRoot!.querySelector('button')!.click();
    await until(() => $wishlistItems.get().length === 1, 'the piece saved');
    expect($wishlistItems.get()[0]).to.include({ productId: 'sac-lune', name: 'Lune Bag' });
    await expect(spot).to.be.accessible();
  });

  it('offers "add to bag" in the card when the page has a bag', async () => {
    configure({ bag: true });
    const spot = await hotspot();
    spot.show();
    await spot.updateComplete;
    const bag = part(spot, 'add-to-bag')!;
    await until(
      () => (bag.shadowRoot?.querySelector('button')?.textContent ?? '').trim() !== '',
      'the bag button',
    );
    expect(bag.shadowRoot!.querySelector('button')!.textContent!.trim()).to.match(/^Add to bag/);
  });
});
