// A page with stories only, whose `bag` is turned on while a card is open: the card's
// "Add to bag" is drawn at once. Its own file: the page must not have the button's element
// yet (another test's card would have defined it).
import { expect } from '@open-wc/testing';
import { configure } from '../../src/core/config.js';
import { resetVitrine, until } from '../support/helpers.js';
import { hotspot, part } from '../support/hotspot-card.js';

describe('<vitrine-hotspot> card when the page gets a bag', () => {
  beforeEach(() => resetVitrine());

  it('offers "add to bag" in a card opened before the bag was turned on', async () => {
    const spot = await hotspot();
    part(spot, 'tag')!.click();
    const heart = () => spot.shadowRoot!.querySelector('vitrine-wishlist-button');
    await until(() => heart()?.shadowRoot?.querySelector('button') != null, 'the heart');
    expect(part(spot, 'add-to-bag')).to.equal(null);
    configure({ bag: true });
    const label = () =>
      part(spot, 'add-to-bag')?.shadowRoot?.querySelector('button')?.textContent?.trim() ?? '';
    await until(() => label() !== '', 'the bag button in the open card');
    expect(label()).to.match(/^Add to bag/);
  });
});
