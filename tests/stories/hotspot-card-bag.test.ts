// A page with stories only, whose `bag` is turned on while a card is open: the card's
// "Add to bag" is drawn at once. Its own file: the page must not have the button's element
// yet (another test's card would have defined it).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/stories/index.js';
import type { VitrineHotspot } from '../../src/stories/hotspot.js';
import { configure } from '../../src/core/config.js';
import { resetVitrine, until } from '../support/helpers.js';

const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<vitrine-hotspot> card when the page gets a bag', () => {
  beforeEach(() => resetVitrine());

  it('offers "add to bag" in a card opened before the bag was turned on', async () => {
    const el = await fixture(html`
      <vitrine-stories label="Heritage" style="width: 270px">
        <vitrine-story>
          <div data-vitrine-text><p>Since 1924.</p></div>
          <vitrine-hotspot
            product-id="sac-lune"
            x="0.5"
            y="0.5"
            name="Lune Bag"
            price="1250"
            currency="EUR"
          ></vitrine-hotspot>
        </vitrine-story>
      </vitrine-stories>
    `);
    const spot = el.querySelector<VitrineHotspot>('vitrine-hotspot')!;
    await until(() => part(spot, 'tag') !== null, 'the hotspot');
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
