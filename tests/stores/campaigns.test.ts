import { expect } from '@open-wc/testing';
import { cleanStores } from 'nanostores';
import { configure } from '../../src/core/config.js';
import { listenShared } from '../../src/core/keyed.js';
import { $campaigns, campaignStore, watchCampaign } from '../../src/stores/campaigns.js';
import { logout } from '../../src/stores/session.js';
import { $votes, voteKey } from '../../src/stores/vote-counts.js';
import { captureWarnings, resetVitrine, trackEventSources, until } from '../support/helpers.js';
import {
  backendDown,
  backendUp,
  newFan,
  signInAs,
  useBackend,
  voteElsewhere,
  type Backend,
} from '../support/backend-client.js';

let backend: Backend;
let streams: ReturnType<typeof trackEventSources>;

/** How many times the page asked the back end for `path` since the test began. */
const requests = (path: string) =>
  performance.getEntriesByType('resource').filter((entry) => entry.name === `${backend.api}${path}`)
    .length;

/** The live streams the page opened for `campaign`. */
const streamsOf = (campaign: string) =>
  streams.opened.filter((source) =>
    source.url.startsWith(`${backend.api}/campaigns/${campaign}/events`),
  );

const status = (id: string) => campaignStore(id).get()?.status;
const count = (campaign: string, productId: string) =>
  $votes.get()[voteKey(campaign, productId)]?.count;

describe('campaignStore()', () => {
  beforeEach(async () => {
    resetVitrine();
    logout();
    performance.clearResourceTimings();
    streams = trackEventSources();
    backend = await useBackend();
  });
  afterEach(() => {
    cleanStores(campaignStore('missing-campaign'));
    streams.restore();
  });

  it('asks nothing of the back end until something shows the campaign', async () => {
    const store = campaignStore('icons');
    expect(campaignStore('icons')).to.equal(store);
    expect(requests('/campaigns/icons')).to.equal(0);
    expect(streamsOf('icons')).to.have.length(0);
    const stop = store.listen(() => {});
    try {
      expect(status('icons')).to.equal('loading');
      await until(() => status('icons') === 'live', 'the campaign live');
    } finally {
      stop();
    }
  });

  it('shows the campaign as the brand declared it, with its counts', async () => {
    const stop = watchCampaign('icons');
    try {
      await until(() => status('icons') === 'live', 'the campaign live');
      const campaign = campaignStore('icons').get()!;
      expect(campaign).to.include({
        id: 'icons',
        title: 'Which icon comes back?',
        goal: 3,
        closed: false,
      });
      expect(campaign.products.map((product) => product.productId)).to.deep.equal([
        'sac-lune',
        'carre-jardin',
        'escarpin-opera',
        'pochette-soiree',
      ]);
      for (const { productId } of campaign.products) {
        expect(count('icons', productId), productId).to.be.a('number');
      }
    } finally {
      stop();
    }
  });

  it('makes one request and opens one stream, however many widgets show it', async () => {
    const store = campaignStore('icons');
    const stops = [
      store.listen(() => {}),
      watchCampaign('icons'),
      ...Array.from({ length: 20 }, () => listenShared(store, () => {})),
    ];
    try {
      await until(() => status('icons') === 'live', 'the campaign live');
      await until(() => requests('/campaigns/icons') > 0, 'the request to be timed');
      expect(requests('/campaigns/icons')).to.equal(1);
      expect(streamsOf('icons')).to.have.length(1);
    } finally {
      stops.forEach((stop) => stop());
    }
  });

  it('moves the counts live when fans vote elsewhere', async () => {
    const stop = watchCampaign('icons');
    try {
      await until(() => status('icons') === 'live', 'the campaign live');
      const before = count('icons', 'pochette-soiree')!;
      const { body } = await voteElsewhere(newFan('elsewhere'), 'icons', 'pochette-soiree');
      expect(body.count).to.equal(before + 1);
      await until(() => count('icons', 'pochette-soiree') === before + 1, 'the live count');
    } finally {
      stop();
    }
  });

  it('closes the stream after the last widget left', async () => {
    const first = watchCampaign('icons');
    const second = watchCampaign('icons');
    await until(() => status('icons') === 'live', 'the campaign live');
    const [stream] = streamsOf('icons');
    first();
    second();
    await until(() => stream!.readyState === EventSource.CLOSED, 'the stream to close');
    expect(streamsOf('icons')).to.have.length(1);
  });

  it('stops at once with cleanStores, and starts again for the next widget', async () => {
    const store = campaignStore('icons');
    store.listen(() => {});
    await until(() => status('icons') === 'live', 'the campaign live');
    cleanStores(store);
    expect(streamsOf('icons')[0]!.readyState).to.equal(EventSource.CLOSED);

    const stop = store.listen(() => {});
    try {
      await until(() => streamsOf('icons').length === 2, 'a new stream');
      await until(() => status('icons') === 'live', 'the campaign live again');
      await until(() => requests('/campaigns/icons') === 2, 'a second request');
    } finally {
      stop();
    }
  });

  it('fetches the fan’s own votes again when they sign in', async () => {
    const fan = newFan('phone');
    // The fan voted on their phone; this page does not know them yet.
    await voteElsewhere(fan, 'icons', 'escarpin-opera');
    const stop = watchCampaign('icons');
    try {
      await until(() => status('icons') === 'live', 'the campaign live');
      expect($votes.get()[voteKey('icons', 'escarpin-opera')]!.voted).to.equal(false);
      await signInAs(fan);
      await until(
        () => $votes.get()[voteKey('icons', 'escarpin-opera')]?.voted === true,
        'the fan’s vote shown as theirs',
      );
    } finally {
      stop();
    }
  });

  it('shows a closed campaign as closed, and does not follow it', async () => {
    const stop = watchCampaign('archive');
    try {
      await until(() => campaignStore('archive').get()?.closed === true, 'the closed campaign');
      expect(
        campaignStore('archive')
          .get()!
          .products.map((p) => p.productId),
      ).to.deep.equal(['trench-ete', 'etole-nuage']);
      await until(
        () => streamsOf('archive').every((source) => source.readyState === EventSource.CLOSED),
        'no stream left open',
      );
    } finally {
      stop();
    }
  });

  it('says, and warns once, when the back end has no such campaign', async () => {
    let stop = () => {};
    const warnings = await captureWarnings(async () => {
      stop = watchCampaign('missing-campaign');
      await until(() => status('missing-campaign') === 'not_found', 'not found');
    });
    stop();
    expect(warnings).to.deep.equal(['[vitrine] the back end has no campaign "missing-campaign".']);
    expect(streamsOf('missing-campaign')).to.have.length(0);
  });

  it('says there is no back end, and starts once the page sets one', async () => {
    configure({ api: undefined });
    let stop = () => {};
    const warnings = await captureWarnings(() => {
      stop = watchCampaign('icons');
    });
    try {
      expect(status('icons')).to.equal('no_api');
      expect(warnings).to.deep.equal([
        '[vitrine] votes need the back end: set api on <vitrine-config>.',
      ]);
      configure({ api: backend.api });
      await until(() => status('icons') === 'live', 'the campaign live');
    } finally {
      stop();
    }
  });

  it('says when the live counts are paused by an outage, and goes live again after', async function () {
    this.timeout(30_000);
    const stop = watchCampaign('icons');
    try {
      await until(() => status('icons') === 'live', 'the campaign live');
      await backendDown();
      try {
        await until(() => status('icons') === 'reconnecting', 'reconnecting', 10_000);
        expect($campaigns.get().icons!.products).to.have.length(4);
      } finally {
        await backendUp();
      }
      await until(() => status('icons') === 'live', 'live again', 15_000);
      const before = count('icons', 'carre-jardin')!;
      await voteElsewhere(newFan('after'), 'icons', 'carre-jardin');
      await until(() => count('icons', 'carre-jardin') === before + 1, 'the live count again');
    } finally {
      stop();
    }
  });
});
