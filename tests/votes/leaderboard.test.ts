import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/votes/index.js';
import type { VitrineLeaderboard } from '../../src/votes/leaderboard.js';
import { configure } from '../../src/core/config.js';
import { registerProduct } from '../../src/stores/products.js';
import { logout } from '../../src/stores/session.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';
import {
  backendDown,
  backendUp,
  newFan,
  useBackend,
  voteElsewhere,
} from '../support/backend-client.js';

const parts = (el: HTMLElement, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
const part = (el: HTMLElement, name: string) => parts(el, name)[0];
const order = (el: HTMLElement) => parts(el, 'item').map((item) => item.dataset.product);
const countOf = (el: HTMLElement, productId: string) =>
  Number(
    el
      .shadowRoot!.querySelector(`[data-product="${productId}"] [part="count"] [aria-hidden]`)
      ?.textContent?.replace(/\D/g, '') ?? NaN,
  );

async function leaderboard(attributes = html``): Promise<VitrineLeaderboard> {
  const el = await fixture<VitrineLeaderboard>(
    html`<vitrine-leaderboard campaign="icons">${attributes}</vitrine-leaderboard>`,
  );
  await until(() => parts(el, 'item').length > 0, 'the campaign');
  return el;
}

/** Votes until `productId` leads the open campaign by at least one. */
async function makeLead(el: VitrineLeaderboard, productId: string): Promise<void> {
  const best = Math.max(...order(el).map((id) => countOf(el, id!)));
  for (let i = countOf(el, productId); i <= best; i += 1) {
    await voteElsewhere(newFan('fan'), 'icons', productId);
  }
  await until(() => order(el)[0] === productId, `${productId} in the lead`);
}

/** Every animation the leaderboard starts on its rows while `run` goes: product and properties. */
async function rowAnimations(
  el: VitrineLeaderboard,
  run: () => Promise<void>,
): Promise<{ product: string; properties: string[] }[]> {
  const seen: { product: string; properties: string[] }[] = [];
  const animate = Element.prototype.animate;
  Element.prototype.animate = function (this: Element, keyframes, options) {
    if (this.getRootNode() === el.shadowRoot && this.matches('[part~="item"]')) {
      const first = (Array.isArray(keyframes) ? keyframes[0] : keyframes) ?? {};
      const properties = Object.keys(first).filter(
        (key) => !['offset', 'easing', 'composite'].includes(key),
      );
      seen.push({ product: (this as HTMLElement).dataset.product!, properties });
    }
    return animate.call(this, keyframes, options);
  };
  try {
    await run();
  } finally {
    Element.prototype.animate = animate;
  }
  return seen;
}

describe('<vitrine-leaderboard>', () => {
  beforeEach(async () => {
    resetVitrine();
    logout();
    await emulateMedia({ reducedMotion: 'no-preference' });
    await useBackend();
    registerProduct({ productId: 'sac-lune', name: 'Sac Lune' });
    registerProduct({ productId: 'carre-jardin', name: 'Carré Jardin' });
  });

  it('ranks the products by count, with the campaign’s title, names and goal progress', async () => {
    const el = await leaderboard();
    expect(part(el, 'title')!.textContent).to.equal('Which icon comes back?');
    expect(part(el, 'title')!.getAttribute('role')).to.equal('heading');
    const counts = order(el).map((id) => countOf(el, id!));
    expect(counts).to.deep.equal([...counts].sort((a, b) => b - a));
    expect(order(el)).to.have.members([
      'sac-lune',
      'carre-jardin',
      'escarpin-opera',
      'pochette-soiree',
    ]);
    const names = parts(el, 'name').map((name) => name.textContent);
    expect(names).to.include('Sac Lune');
    // No name known on the page: the product id stands in.
    expect(names).to.include('pochette-soiree');
    const progress = el.shadowRoot!.querySelector<HTMLProgressElement>(
      '[data-product="sac-lune"] progress',
    )!;
    expect(progress.max).to.equal(3);
    expect(progress.value).to.equal(Math.min(3, countOf(el, 'sac-lune')));
    await expect(el).to.be.accessible();
  });

  it('ranks no piece without votes, and gives pieces with as many votes the same place', async () => {
    const el = await fixture<VitrineLeaderboard>(
      html`<vitrine-leaderboard campaign="ties" goal="4"></vitrine-leaderboard>`,
    );
    await until(() => parts(el, 'item').length === 3, 'the campaign');
    expect(parts(el, 'rank').map((rank) => rank.textContent)).to.deep.equal(['', '', '']);
    await voteElsewhere(newFan('fan'), 'ties', 'bague-serment');
    await voteElsewhere(newFan('fan'), 'ties', 'ceinture-anneau');
    await until(() => countOf(el, 'ceinture-anneau') === 1, 'both votes counted');
    const ranks = () =>
      Object.fromEntries(
        parts(el, 'item').map((item) => [
          item.dataset.product,
          item.querySelector('[part="rank"]')!.textContent,
        ]),
      );
    expect(ranks()).to.deep.equal({
      'bague-serment': '1',
      'ceinture-anneau': '1',
      'mocassin-marais': '',
    });
    await voteElsewhere(newFan('fan'), 'ties', 'mocassin-marais');
    await voteElsewhere(newFan('fan'), 'ties', 'mocassin-marais');
    await until(() => countOf(el, 'mocassin-marais') === 2, 'the new leader');
    expect(ranks()).to.deep.equal({
      'mocassin-marais': '1',
      'bague-serment': '2',
      'ceinture-anneau': '2',
    });
    // A goal bar a shopper can see, not a hairline.
    expect(part(el, 'progress')!.getBoundingClientRect().height).to.be.at.least(6);
  });

  it('renames the products at once when the page does (a language switch)', async () => {
    const el = await leaderboard();
    await until(() => parts(el, 'name').some((name) => name.textContent === 'Sac Lune'), 'named');
    registerProduct({ productId: 'sac-lune', name: '月光手袋' });
    await until(
      () => parts(el, 'name').some((name) => name.textContent === '月光手袋'),
      'the new name',
    );
  });

  it('reorders live, sliding rows with transforms, and tells screen readers who leads', async function () {
    this.timeout(20_000);
    const el = await leaderboard();
    const runnerUp = order(el)[1]!;
    const moves = await rowAnimations(el, () => makeLead(el, runnerUp));
    expect(moves.length).to.be.greaterThan(0);
    // Only transforms move: no layout property is animated.
    for (const move of moves) expect(move.properties).to.deep.equal(['transform']);
    expect(moves.map((move) => move.product)).to.include(runnerUp);
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    const name = part(el, 'name')!.textContent!;
    expect(live.textContent).to.contain(`${name} leads with`);
  });

  it('does not animate under reduced motion', async function () {
    this.timeout(20_000);
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await leaderboard();
    const runnerUp = order(el)[1]!;
    const moves = await rowAnimations(el, () => makeLead(el, runnerUp));
    expect(moves).to.deep.equal([]);
  });

  it('hides counts and ranking while voting is open with hide-counts', async () => {
    const el = await fixture<VitrineLeaderboard>(
      html`<vitrine-leaderboard campaign="icons" hide-counts></vitrine-leaderboard>`,
    );
    await until(() => parts(el, 'item').length > 0, 'the campaign');
    expect(order(el)).to.deep.equal([
      'sac-lune',
      'carre-jardin',
      'escarpin-opera',
      'pochette-soiree',
    ]);
    expect(parts(el, 'count')).to.have.length(0);
    expect(parts(el, 'rank')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
    expect(part(el, 'status')!.textContent).to.match(/revealed when voting closes/);
    await expect(el).to.be.accessible();
  });

  it('shows the result of a closed campaign, even with hide-counts', async () => {
    const el = await fixture<VitrineLeaderboard>(
      html`<vitrine-leaderboard campaign="archive" hide-counts></vitrine-leaderboard>`,
    );
    await until(() => parts(el, 'item').length > 0, 'the campaign');
    expect(part(el, 'status')!.textContent).to.equal('Voting has closed.');
    expect(parts(el, 'count')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('closes on the page at closes-at', async () => {
    const soon = new Date(Date.now() + 300).toISOString();
    const el = await fixture<VitrineLeaderboard>(
      html`<vitrine-leaderboard campaign="icons" closes-at=${soon}></vitrine-leaderboard>`,
    );
    await until(() => parts(el, 'item').length > 0, 'the campaign');
    expect(part(el, 'status')!.textContent).to.match(/Voting closes on/);
    await until(() => part(el, 'status')?.textContent === 'Voting has closed.', 'closed');
  });

  it('shows at most `limit` products, and warns about a bad limit', async () => {
    const el = await fixture<VitrineLeaderboard>(
      html`<vitrine-leaderboard campaign="icons" limit="2"></vitrine-leaderboard>`,
    );
    await until(() => parts(el, 'item').length > 0, 'the campaign');
    expect(parts(el, 'item')).to.have.length(2);
    const warnings = await captureWarnings(async () => {
      el.limit = 'lots';
      await el.updateComplete;
    });
    expect(warnings.join('\n')).to.match(/limit="lots"/);
    expect(parts(el, 'item')).to.have.length(4);
  });

  it('checks limit and goal when they are set, before any campaign data arrives', async () => {
    configure({ api: undefined });
    let el!: VitrineLeaderboard;
    const warnings = await captureWarnings(async () => {
      el = await fixture<VitrineLeaderboard>(
        html`<vitrine-leaderboard
          campaign="icons"
          limit="-3"
          goal="lots"
          heading-level="h3"
        ></vitrine-leaderboard>`,
      );
    });
    // Without a back end no campaign ever arrives: the marketer hears of the mistakes anyway.
    expect(part(el, 'status')!.textContent).to.equal('The vote cannot be shown right now.');
    expect(warnings).to.include.members([
      '[vitrine] <vitrine-leaderboard> limit="-3" is not a whole number from 1 to 100; the first 10 products are shown. Write limit="5", for example.',
      `[vitrine] <vitrine-leaderboard> goal="lots" is not a whole number, 1 or more; the campaign's own goal is used, if it has one. Write goal="1000", for example.`,
    ]);
  });

  it('says live updates paused while the server is away, and catches up after', async function () {
    this.timeout(30_000);
    const el = await leaderboard();
    await backendDown();
    try {
      await until(
        () => /Reconnecting/.test(part(el, 'status')?.textContent ?? ''),
        'the reconnecting notice',
        10_000,
      );
      await expect(el).to.be.accessible();
    } finally {
      await backendUp();
    }
    await until(
      () => !/Reconnecting/.test(part(el, 'status')?.textContent ?? ''),
      'live again',
      15_000,
    );
    const before = countOf(el, 'carre-jardin');
    await voteElsewhere(newFan('after'), 'icons', 'carre-jardin');
    await until(() => countOf(el, 'carre-jardin') === before + 1, 'the new vote, once');
  });

  it('speaks French: title from the server, status and counts localized', async () => {
    configure({ locale: 'fr' });
    const el = await fixture<VitrineLeaderboard>(
      html`<vitrine-leaderboard campaign="archive"></vitrine-leaderboard>`,
    );
    await until(() => part(el, 'status')?.textContent === 'Le vote est clos.', 'French');
    expect(el.shadowRoot!.querySelector('[part="count"] .visually-hidden')!.textContent).to.match(
      /Aucun vote|\d+ votes?/,
    );
  });

  it('warns about a missing campaign and says the vote cannot be shown', async () => {
    let el!: VitrineLeaderboard;
    const warnings = await captureWarnings(async () => {
      el = await fixture<VitrineLeaderboard>(html`<vitrine-leaderboard></vitrine-leaderboard>`);
    });
    expect(warnings.join('\n')).to.match(/needs a campaign id/);
    expect(part(el, 'status')!.textContent).to.match(/cannot be shown/);
  });
});
