import { expect } from '@open-wc/testing';
import { Retry, backoffMs } from '../../src/core/api.js';
import { until } from '../support/helpers.js';

/** Runs `run` with Math.random returning `value`, so the jitter is known. */
function withRandom<T>(value: number, run: () => T): T {
  const random = Math.random;
  Math.random = () => value;
  try {
    return run();
  } finally {
    Math.random = random;
  }
}

/**
 * Which comes first: the retry's next try, or a timer of `ms` started now. Timers fire in the
 * order of their deadlines even on a busy machine, so the answer does not depend on the load.
 */
async function race(retry: () => void, log: string[], ms: number): Promise<string[]> {
  log.length = 0;
  retry();
  setTimeout(() => log.push(`${ms} ms`), ms);
  await until(() => log.length === 2, 'the try and the timer', 5000);
  return [...log];
}

describe('backoffMs()', () => {
  it('doubles from one second up to thirty, with up to half of it as jitter', () => {
    const low = withRandom(0, () => [0, 1, 2, 3, 4, 5, 10].map((n) => backoffMs(n)));
    const high = withRandom(0.999999, () => [0, 1, 2, 3, 4, 5, 10].map((n) => backoffMs(n)));
    expect(low).to.deep.equal([500, 1000, 2000, 4000, 8000, 15000, 15000]);
    expect(high.map(Math.round)).to.deep.equal([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('waits at least as long as the server asked', () => {
    expect(withRandom(0, () => backoffMs(0, 45))).to.equal(45_000);
    expect(withRandom(0, () => backoffMs(3, 1))).to.equal(4000);
  });
});

describe('Retry', () => {
  let random: () => number;
  beforeEach(() => {
    random = Math.random;
    // No jitter: the waits are 500 ms, 1 s, 2 s…
    Math.random = () => 0;
  });
  afterEach(() => {
    Math.random = random;
  });

  it('waits longer after each failure, and the shortest time again after a success', async function () {
    this.timeout(10_000);
    const log: string[] = [];
    const retry = new Retry(() => log.push('try'));
    expect(await race(() => retry.later(), log, 750)).to.deep.equal(['try', '750 ms']);
    expect(retry.failures).to.equal(1);
    expect(await race(() => retry.later(), log, 750)).to.deep.equal(['750 ms', 'try']);
    expect(retry.failures).to.equal(2);
    retry.succeeded();
    expect(retry.failures).to.equal(0);
    expect(await race(() => retry.later(), log, 750)).to.deep.equal(['try', '750 ms']);
  });

  it('waits as long as the server asked when that is longer', async function () {
    this.timeout(10_000);
    const log: string[] = [];
    const retry = new Retry(() => log.push('try'));
    expect(await race(() => retry.later(1), log, 750)).to.deep.equal(['750 ms', 'try']);
  });

  it('keeps one try pending at most: a new one replaces it', async () => {
    const log: string[] = [];
    const retry = new Retry(() => log.push('try'));
    retry.now(200);
    expect(retry.pending).to.equal(true);
    expect(await race(() => retry.now(0), log, 300)).to.deep.equal(['try', '300 ms']);
    expect(retry.pending).to.equal(false);
  });

  it('tries nothing more once cancelled', async () => {
    const log: string[] = [];
    const retry = new Retry(() => log.push('try'));
    retry.later();
    expect(retry.pending).to.equal(true);
    retry.cancel();
    expect(retry.pending).to.equal(false);
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        log.push('after the try was due');
        resolve();
      }, 750),
    );
    expect(log).to.deep.equal(['after the try was due']);
  });
});
