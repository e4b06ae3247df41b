// A page with stories only (no `vitrine/wishlist`): one story with one hotspot, as the card
// tests draw it, and what they read of it.
import { fixture, html } from '@open-wc/testing';
import '../../src/stories/index.js';
import type { VitrineHotspot } from '../../src/stories/hotspot.js';
import { until } from './helpers.js';

export const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** The hotspot of a one-story carousel, once its tag is drawn. */
export async function hotspot(): Promise<VitrineHotspot> {
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
  return spot;
}
