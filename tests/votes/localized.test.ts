// Campaign titles and product names given in several languages follow the page's language,
// also when the page changes it without a reload (as a site's language menu does).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/votes/index.js';
import '../../src/stories/index.js';
import '../../src/wishlist/index.js';
import type { VitrineHotspot } from '../../src/stories/hotspot.js';
import { readHotspot } from '../../src/stories/feed.js';
import { useBackend } from '../support/backend-client.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';

const LUNE = JSON.stringify({ en: 'Moon Bag', fr: 'Sac Lune', 'zh-Hans': '月亮包' });

describe('campaigns and products in every language', () => {
  const lang = document.documentElement.lang;
  beforeEach(async () => {
    resetVitrine();
    document.documentElement.lang = 'en';
    await useBackend();
  });
  afterEach(() => {
    document.documentElement.lang = lang;
  });

  it('switches the leaderboard, the vote buttons and the hotspot card live with <html lang>', async () => {
    const page = await fixture(
      html`<div>
        <vitrine-leaderboard campaign="maison"></vitrine-leaderboard>
        <vitrine-vote campaign="maison" product-id="sac-lune"></vitrine-vote>
        <vitrine-vote campaign="maison" product-id="carre-jardin" name=${LUNE}></vitrine-vote>
        <vitrine-stories label="Maison">
          <vitrine-story>
            <div data-vitrine-text><p>Maison</p></div>
            <vitrine-hotspot product-id="sac-lune" name=${LUNE} x="0.5" y="0.5"></vitrine-hotspot>
          </vitrine-story>
        </vitrine-stories>
      </div>`,
    );
    const board = page.querySelector('vitrine-leaderboard')!;
    const [vote, named] = [...page.querySelectorAll('vitrine-vote')];
    const hotspot = page.querySelector<VitrineHotspot>('vitrine-hotspot')!;
    const title = () => board.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim();
    const firstRow = () => board.shadowRoot?.querySelector('[part~="name"]')?.textContent?.trim();
    const voteLabel = (el: Element) =>
      el.shadowRoot?.querySelector('[part~="button"]')?.getAttribute('aria-label');
    const tagLabel = () =>
      hotspot.shadowRoot?.querySelector('[part~="tag"]')?.getAttribute('aria-label');

    await until(() => title() === 'Which piece should the house make next?', 'the English title');
    expect(firstRow()).to.equal('Moon Bag');
    await until(() => voteLabel(vote!) === 'Vote for Moon Bag', 'the campaign’s name on the vote');
    expect(voteLabel(named!)).to.equal('Vote for Moon Bag');
    expect(tagLabel()).to.equal('See Moon Bag');

    document.documentElement.lang = 'fr';
    await until(() => title() === 'Quelle pièce la maison doit-elle créer ?', 'the French title');
    expect(firstRow()).to.equal('Sac Lune');
    await until(() => voteLabel(vote!) === 'Voter pour Sac Lune', 'the French vote');
    expect(voteLabel(named!)).to.equal('Voter pour Sac Lune');
    await until(() => tagLabel() === 'Voir Sac Lune', 'the French hotspot');
    hotspot.show();
    await hotspot.updateComplete;
    expect(hotspot.shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal('Sac Lune');

    document.documentElement.lang = 'zh-CN';
    // A language the title is not given in reads in English; a product name given in it, in it.
    await until(() => firstRow() === '月亮包', 'the Chinese name');
    expect(title()).to.equal('Which piece should the house make next?');
    await expect(board).to.be.accessible();
  });

  it('reads a feed hotspot’s name in several languages, and shows broken JSON as written', async () => {
    const read = readHotspot({
      productId: 'sac-lune',
      name: { en: 'Moon Bag', fr: 'Sac Lune' },
      x: 0.5,
      y: 0.5,
    });
    expect(read).to.deep.include({ name: { en: 'Moon Bag', fr: 'Sac Lune' } });

    let vote!: Element;
    const warnings = await captureWarnings(async () => {
      vote = await fixture(
        html`<vitrine-vote
          campaign="maison"
          product-id="carre-jardin"
          name='{"en": "Carré'
        ></vitrine-vote>`,
      );
    });
    expect(warnings).to.include(
      `[vitrine] <vitrine-vote> name="{"en": "Carré" is not plain text, or JSON of language tags to texts; it is shown as written. Write name='{"en": "Moon Bag", "fr": "Sac Lune"}', for example.`,
    );
    await until(
      () =>
        vote.shadowRoot?.querySelector('[part~="button"]')?.getAttribute('aria-label') ===
        'Vote for {"en": "Carré',
      'the name as written',
    );
  });
});
