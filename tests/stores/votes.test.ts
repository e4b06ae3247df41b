import { expect } from '@open-wc/testing';
import { ApiError } from '../../src/core/api.js';
import { configure } from '../../src/core/config.js';
import { listenKey } from '../../src/core/keyed.js';
import {
  $session,
  getIdToken,
  logout,
  setLoginPrompt,
  startSession,
} from '../../src/stores/session.js';
import {
  $votes,
  beginVote,
  confirmVotes,
  endVote,
  forgetVoteError,
  nextRequest,
  voteKey,
  type ProductVotes,
} from '../../src/stores/vote-counts.js';
import {
  $campaigns,
  campaignStore,
  castVote,
  clearVoteError,
  watchCampaign,
} from '../../src/stores/votes.js';
import { captureWarnings, resetVitrine, trackEventSources, until } from '../support/helpers.js';
import { backendDown, backendUp, newFan, signInAs, useBackend } from '../support/backend-client.js';

const shown = (campaign: string, productId: string) => $votes.get()[voteKey(campaign, productId)];

/** Every value a product's votes take while `run` goes. */
async function history(key: string, run: () => Promise<unknown>): Promise<ProductVotes[]> {
  const seen: ProductVotes[] = [];
  const stop = listenKey($votes, key, () => seen.push($votes.get()[key]!));
  try {
    await run();
  } finally {
    stop();
  }
  return seen;
}

/** Follows the open test campaign until its counts are in. */
async function watchIcons(): Promise<() => void> {
  const stop = watchCampaign('icons');
  await until(() => campaignStore('icons').get()?.status === 'live', 'the campaign live');
  return stop;
}

describe('the counts a fan sees ($votes)', () => {
  // A campaign no back end knows: only these calls move its counts.
  let n = 0;
  let key: string;
  beforeEach(() => {
    key = voteKey('unit', `product-${++n}`);
  });

  it('shows the fan’s vote at once, and what the server confirms after', () => {
    confirmVotes(key, { count: 5, voted: false });
    beginVote(key, true);
    expect($votes.get()[key]).to.deep.equal({ count: 6, voted: true, pending: true });
    endVote(key);
    confirmVotes(key, { count: 6, voted: true });
    expect($votes.get()[key]).to.deep.equal({ count: 6, voted: true, pending: false });
  });

  it('never counts a pending vote twice when a live count already holds it', () => {
    confirmVotes(key, { count: 5, voted: false });
    beginVote(key, true);
    // The stream's count may already include this fan's vote: still 6, not 7.
    confirmVotes(key, { count: 6 });
    expect($votes.get()[key]!.count).to.equal(6);
    // Another fan voted too: the count follows.
    confirmVotes(key, { count: 7 });
    expect($votes.get()[key]!.count).to.equal(7);
    endVote(key);
    confirmVotes(key, { count: 7, voted: true });
    expect($votes.get()[key]).to.deep.equal({ count: 7, voted: true, pending: false });
  });

  it('never takes a withdrawn vote off twice', () => {
    confirmVotes(key, { count: 5, voted: true });
    beginVote(key, false);
    expect($votes.get()[key]).to.deep.equal({ count: 4, voted: false, pending: true });
    confirmVotes(key, { count: 4 });
    expect($votes.get()[key]!.count).to.equal(4);
    confirmVotes(key, { count: 3 });
    expect($votes.get()[key]!.count).to.equal(3);
  });

  it('rolls back a vote that failed, and says why until the fan moves on', () => {
    confirmVotes(key, { count: 2, voted: false });
    beginVote(key, true);
    endVote(key, 'network');
    expect($votes.get()[key]).to.deep.equal({
      count: 2,
      voted: false,
      pending: false,
      error: 'network',
    });
    expect(forgetVoteError(key)).to.equal(true);
    expect($votes.get()[key]).to.deep.equal({ count: 2, voted: false, pending: false });
    expect(forgetVoteError(key)).to.equal(false);
    endVote(key, 'rate_limited');
    beginVote(key, true);
    expect($votes.get()[key]!.error).to.equal(undefined);
  });

  it('drops the answer to an older request once a newer one was applied', () => {
    const older = nextRequest();
    const newer = nextRequest();
    confirmVotes(key, { count: 9 }, newer);
    confirmVotes(key, { count: 3 }, older);
    expect($votes.get()[key]!.count).to.equal(9);
    // A live count belongs to no request: always applied.
    confirmVotes(key, { count: 10 });
    expect($votes.get()[key]!.count).to.equal(10);
  });

  it('tells a product’s widgets only when what they show changed', async () => {
    confirmVotes(key, { count: 1, voted: false });
    const seen = await history(key, async () => {
      confirmVotes(key, { count: 1 });
      confirmVotes(key, { count: 1, voted: false });
      confirmVotes(key, { count: 2 });
    });
    expect(seen.map((votes) => votes.count)).to.deep.equal([2]);
  });

  it('no longer shows the fan’s votes as theirs once they sign out', () => {
    startSession(
      { sub: 'unit-fan', name: 'Unit' },
      { idToken: 't', expiresAt: Date.now() + 60_000 },
    );
    confirmVotes(key, { count: 4, voted: true });
    logout();
    expect($votes.get()[key]).to.deep.equal({ count: 4, voted: false, pending: false });
  });
});

describe('castVote()', () => {
  beforeEach(async () => {
    resetVitrine();
    logout();
    setLoginPrompt(undefined);
    await useBackend();
  });
  afterEach(() => setLoginPrompt(undefined));

  it('moves the count at once, confirms it, and takes it back', async () => {
    await signInAs(newFan('optimist'));
    const stop = await watchIcons();
    try {
      const before = shown('icons', 'carre-jardin')!.count;
      const voting = castVote('icons', 'carre-jardin', true);
      expect(shown('icons', 'carre-jardin')).to.deep.equal({
        count: before + 1,
        voted: true,
        pending: true,
      });
      expect(await voting).to.deep.equal({ count: before + 1, voted: true, pending: false });
      expect(await castVote('icons', 'carre-jardin', false)).to.deep.equal({
        count: before,
        voted: false,
        pending: false,
      });
    } finally {
      stop();
    }
  });

  it('never shows the fan’s vote twice while the live count brings it too', async () => {
    const streams = trackEventSources();
    try {
      await signInAs(newFan('twice'));
      const stop = await watchIcons();
      try {
        const key = voteKey('icons', 'sac-lune');
        const before = shown('icons', 'sac-lune')!.count;
        const stream = streams.opened.find((source) => source.url.includes('/campaigns/icons/'))!;
        let liveCount: number | undefined;
        const onCounts = (event: MessageEvent) => {
          const { products } = JSON.parse(String(event.data)) as {
            products: { productId: string; count: number }[];
          };
          liveCount = products.find((product) => product.productId === 'sac-lune')?.count;
        };
        stream.addEventListener('counts', onCounts);
        const seen = await history(key, async () => {
          await castVote('icons', 'sac-lune', true);
          // The stream brings the new count as well, before or after the reply.
          await until(() => liveCount === before + 1, 'the live count of the vote');
        });
        stream.removeEventListener('counts', onCounts);
        expect(Math.max(...seen.map((votes) => votes.count))).to.equal(before + 1);
        expect(shown('icons', 'sac-lune')).to.deep.equal({
          count: before + 1,
          voted: true,
          pending: false,
        });
      } finally {
        stop();
      }
    } finally {
      streams.restore();
    }
  });

  it('sends one vote when the fan presses twice before the answer', async () => {
    performance.clearResourceTimings();
    const { api } = await useBackend();
    await signInAs(newFan('double'));
    const first = castVote('icons', 'escarpin-opera', true);
    const second = await castVote('icons', 'escarpin-opera', true);
    expect(second.pending).to.equal(true);
    const done = await first;
    expect(done.pending).to.equal(false);
    const path = `${api}/campaigns/icons/votes/escarpin-opera`;
    await until(
      () => performance.getEntriesByType('resource').some((entry) => entry.name === path),
      'the vote to be timed',
    );
    expect(performance.getEntriesByType('resource').filter((e) => e.name === path)).to.have.length(
      1,
    );
  });

  it('rolls back, with why, when the server refuses the vote', async () => {
    await signInAs(newFan('refused'));
    const error = await castVote('icons', 'not-in-the-campaign', true).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).status).to.equal(404);
    expect(shown('icons', 'not-in-the-campaign')).to.deep.equal({
      count: 0,
      voted: false,
      pending: false,
      error: 'not_found',
    });
    clearVoteError('icons', 'not-in-the-campaign');
    expect(shown('icons', 'not-in-the-campaign')!.error).to.equal(undefined);
  });

  it('rolls back when the server cannot be reached, and the next vote goes through', async function () {
    this.timeout(20_000);
    await signInAs(newFan('offline'));
    const stop = await watchIcons();
    try {
      const before = shown('icons', 'pochette-soiree')!.count;
      await backendDown();
      let error: unknown;
      try {
        error = await castVote('icons', 'pochette-soiree', true).catch((e: unknown) => e);
      } finally {
        await backendUp();
      }
      expect((error as ApiError).status).to.equal(0);
      expect(shown('icons', 'pochette-soiree')).to.deep.equal({
        count: before,
        voted: false,
        pending: false,
        error: 'network',
      });
      const voted = await castVote('icons', 'pochette-soiree', true);
      expect(voted).to.deep.equal({ count: before + 1, voted: true, pending: false });
    } finally {
      stop();
    }
  });

  it('signs the fan out when the server no longer accepts their token', async () => {
    startSession(
      { sub: 'forged', name: 'Forged' },
      { idToken: 'not-a-token', expiresAt: Date.now() + 60_000 },
    );
    const error = await castVote('icons', 'sac-lune', true).catch((e: unknown) => e);
    expect((error as ApiError).status).to.equal(401);
    expect(shown('icons', 'sac-lune')!.error).to.equal('unauthorized');
    expect(shown('icons', 'sac-lune')!.pending).to.equal(false);
    expect($session.get().status).to.equal('anonymous');
    expect(getIdToken()).to.equal(undefined);
  });

  it('refuses a vote in a closed campaign, and says so', async () => {
    await signInAs(newFan('late'));
    const stop = watchCampaign('archive');
    try {
      await until(() => $campaigns.get().archive?.closed === true, 'the closed campaign');
      const before = shown('archive', 'trench-ete')!.count;
      const error = await castVote('archive', 'trench-ete', true).catch((e: unknown) => e);
      expect((error as ApiError).status).to.equal(409);
      expect(shown('archive', 'trench-ete')!.error).to.equal('closed');
      expect(shown('archive', 'trench-ete')!.voted).to.equal(false);
      expect(shown('archive', 'trench-ete')!.count).to.equal(before);
    } finally {
      stop();
    }
  });

  it('asks an anonymous fan to sign in first, with the reason, then votes', async () => {
    const reasons: unknown[] = [];
    const fan = newFan('asked');
    setLoginPrompt(async (request) => {
      reasons.push(request.reason);
      return signInAs(fan);
    });
    const voted = await castVote('icons', 'sac-lune', true, { reason: 'Sign in to vote' });
    expect(reasons).to.deep.equal(['Sign in to vote']);
    expect(voted.voted).to.equal(true);
  });

  it('counts nothing when the fan cannot sign in', async () => {
    const stop = await watchIcons();
    try {
      const before = shown('icons', 'carre-jardin');
      let error: unknown;
      const warnings = await captureWarnings(async () => {
        error = await castVote('icons', 'carre-jardin', true).catch((e: unknown) => e);
      });
      expect((error as Error).message).to.match(/requestLogin\(\) needs vitrine\/login/);
      expect(warnings.join()).to.match(/requestLogin\(\) needs vitrine\/login/);
      expect(shown('icons', 'carre-jardin')).to.deep.equal(before);
    } finally {
      stop();
    }
  });

  it('no longer shows the fan’s vote as theirs after sign-out, and keeps the count', async () => {
    await signInAs(newFan('leaving'));
    const stop = await watchIcons();
    try {
      const { count } = await castVote('icons', 'escarpin-opera', true);
      logout();
      expect(shown('icons', 'escarpin-opera')).to.deep.equal({
        count,
        voted: false,
        pending: false,
      });
    } finally {
      stop();
    }
  });

  it('warns, and sends nothing, without a back end', async () => {
    configure({ api: undefined });
    let error: unknown;
    const warnings = await captureWarnings(async () => {
      error = await castVote('icons', 'sac-lune', true).catch((e: unknown) => e);
    });
    expect((error as ApiError).code).to.equal('no_api');
    expect(warnings).to.deep.equal([
      '[vitrine] votes need the back end: set api on <vitrine-config>.',
    ]);
  });
});
