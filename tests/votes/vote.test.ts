import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/votes/index.js';
import '../../src/login/index.js';
import type { VitrineVote } from '../../src/votes/vote.js';
import type { VitrineLogin } from '../../src/login/login.js';
import { configure } from '../../src/core/config.js';
import { $session, logout } from '../../src/stores/session.js';
import { $votes, voteKey } from '../../src/stores/votes.js';
import { captureWarnings, resetVitrine, transitionsDone, until } from '../support/helpers.js';
import {
  backendDown,
  backendUp,
  newFan,
  signInAs,
  useBackend,
  voteElsewhere,
} from '../support/backend-client.js';

const button = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('button');
const part = (el: HTMLElement, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const shownCount = (el: HTMLElement) =>
  Number(part(el, 'count')?.querySelector('[aria-hidden]')?.textContent?.replace(/\D/g, ''));

/** A vote button for `productId` in the open test campaign, once its count has arrived. */
async function voteFor(productId: string, name = 'Sac Lune'): Promise<VitrineVote> {
  const el = await fixture<VitrineVote>(
    html`<vitrine-vote campaign="icons" product-id=${productId} name=${name}></vitrine-vote>`,
  );
  await until(() => button(el)?.disabled === false, 'the count from the back end');
  return el;
}

describe('<vitrine-vote>', () => {
  beforeEach(async () => {
    resetVitrine();
    logout();
    await useBackend();
  });

  it('shows the live count and an unpressed toggle with a localized name', async () => {
    const el = await voteFor('sac-lune');
    const toggle = button(el)!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.getAttribute('aria-label')).to.equal('Vote for Sac Lune');
    expect(part(el, 'label')!.textContent).to.equal('Vote');
    expect(part(el, 'count')!.textContent).to.match(/No votes yet|\d+ votes?/);
    await expect(el).to.be.accessible();
  });

  it('counts a signed-in fan’s vote at once, confirms it, and takes it back', async () => {
    await signInAs(newFan('camille'));
    const el = await voteFor('carre-jardin', 'Carré Jardin');
    const before = shownCount(el);

    button(el)!.click();
    await el.updateComplete;
    // Optimistic: the count moves before the server answers.
    expect(shownCount(el)).to.equal(before + 1);
    expect(button(el)!.getAttribute('aria-pressed')).to.equal('true');
    const voted = await oneEvent(el, 'vitrine-vote');
    expect(voted.detail).to.deep.equal({
      campaign: 'icons',
      productId: 'carre-jardin',
      voted: true,
      count: before + 1,
    });
    expect(voted.bubbles && voted.composed).to.equal(true);

    button(el)!.click();
    const unvoted = await oneEvent(el, 'vitrine-vote');
    expect(unvoted.detail.voted).to.equal(false);
    expect(unvoted.detail.count).to.equal(before);
    await el.updateComplete;
    expect(button(el)!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('votes from the keyboard', async () => {
    await signInAs(newFan('kb'));
    const el = await voteFor('escarpin-opera', 'Escarpin Opéra');
    const before = shownCount(el);
    button(el)!.focus();
    let voted = oneEvent(el, 'vitrine-vote');
    await sendKeys({ press: ' ' });
    await voted;
    expect(shownCount(el)).to.equal(before + 1);
    voted = oneEvent(el, 'vitrine-vote');
    await sendKeys({ press: 'Enter' });
    await voted;
    expect(shownCount(el)).to.equal(before);
  });

  it('moves when another fan votes on another device', async () => {
    const el = await voteFor('pochette-soiree', 'Pochette Soirée');
    const before = shownCount(el);
    const { body } = await voteElsewhere(newFan('other'), 'icons', 'pochette-soiree');
    expect(body.count).to.equal(before + 1);
    await until(() => shownCount(el) === before + 1, 'the live count');
  });

  it('asks an anonymous fan to sign in, then counts the vote', async () => {
    const el = await voteFor('sac-lune');
    const before = shownCount(el);
    button(el)!.click();
    const host = await until(
      () =>
        (
          document
            .querySelector<VitrineLogin>('vitrine-login[data-vitrine-prompt]')
            ?.shadowRoot?.querySelector('dialog') as HTMLDialogElement | null
        )?.open === true,
      'the sign-in dialog',
    ).then(() => document.querySelector<VitrineLogin>('vitrine-login[data-vitrine-prompt]')!);
    expect(host.shadowRoot!.querySelector('h2')!.textContent).to.equal('Sign in to vote');
    // The fan signs in (the provider's side of it is covered by the node tests).
    await signInAs(newFan('late'));
    const voted = await oneEvent(el, 'vitrine-vote');
    expect(voted.detail.voted).to.equal(true);
    expect(voted.detail.count).to.equal(before + 1);
    expect($session.get().status).to.equal('authenticated');
    host.remove();
  });

  it('leaves the count alone when the fan cancels sign-in', async () => {
    const el = await voteFor('sac-lune');
    const before = shownCount(el);
    button(el)!.click();
    await until(
      () => document.querySelector('vitrine-login[data-vitrine-prompt]') !== null,
      'the dialog',
    );
    const host = document.querySelector<VitrineLogin>('vitrine-login[data-vitrine-prompt]')!;
    await until(() => host.shadowRoot?.querySelector('dialog')?.open === true, 'the dialog open');
    await sendKeys({ press: 'Escape' });
    await until(() => host.shadowRoot!.querySelector('dialog')!.open === false, 'closed');
    await el.updateComplete;
    expect(shownCount(el)).to.equal(before);
    expect(button(el)!.getAttribute('aria-pressed')).to.equal('false');
    expect(part(el, 'error')).to.equal(null);
    host.remove();
  });

  it('rolls back and says why when the vote cannot be sent, then works again', async function () {
    this.timeout(30_000);
    await signInAs(newFan('offline'));
    const el = await voteFor('escarpin-opera', 'Escarpin Opéra');
    const before = shownCount(el);
    await backendDown();
    try {
      button(el)!.click();
      await until(() => part(el, 'error') !== null, 'the error', 15_000);
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(part(el, 'error')!.textContent).to.match(/could not be sent/);
      expect(shownCount(el)).to.equal(before);
      expect(button(el)!.getAttribute('aria-pressed')).to.equal('false');
      await transitionsDone(el);
      await expect(el).to.be.accessible();
    } finally {
      await backendUp();
    }
    button(el)!.click();
    const voted = await oneEvent(el, 'vitrine-vote');
    expect(voted.detail.count).to.equal(before + 1);
    expect(part(el, 'error')).to.equal(null);
  });

  it('shows the result, not a button, once the campaign has closed', async () => {
    const el = await fixture<VitrineVote>(
      html`<vitrine-vote campaign="archive" product-id="trench-ete" name="Trench"></vitrine-vote>`,
    );
    await until(() => part(el, 'result') !== null, 'the result');
    expect(button(el)).to.equal(null);
    expect(part(el, 'result')!.textContent).to.match(/Voting has closed/);
    await expect(el).to.be.accessible();
  });

  it('says, and warns, when a product is not part of the campaign', async () => {
    let el!: VitrineVote;
    const warnings = await captureWarnings(async () => {
      el = await fixture<VitrineVote>(
        html`<vitrine-vote campaign="icons" product-id="not-in-it" name="Stray"></vitrine-vote>`,
      );
      await until(() => part(el, 'result') !== null, 'the campaign');
    });
    expect(part(el, 'result')!.textContent).to.match(/not part of the vote/);
    expect(button(el)).to.equal(null);
    expect(warnings.join('\n')).to.match(/"not-in-it" is not in campaign "icons"/);
    expect($votes.get()[voteKey('icons', 'not-in-it')]).to.equal(undefined);
  });

  it('speaks French and Chinese', async () => {
    configure({ locale: 'fr' });
    const el = await voteFor('sac-lune');
    await until(() => button(el)!.getAttribute('aria-label') === 'Voter pour Sac Lune', 'French');
    expect(part(el, 'label')!.textContent).to.equal('Voter');
    configure({ locale: 'zh-Hans' });
    await until(() => button(el)!.getAttribute('aria-label') === '为Sac Lune投票', 'Chinese');
    await expect(el).to.be.accessible();
  });

  it('warns once and says voting is unavailable for a missing or malformed campaign', async () => {
    let el!: VitrineVote;
    const warnings = await captureWarnings(async () => {
      el = await fixture<VitrineVote>(
        html`<vitrine-vote campaign="bad id!" product-id="sac-lune"></vitrine-vote>`,
      );
    });
    expect(warnings.filter((w) => /needs a campaign and a product-id/.test(w))).to.have.length(1);
    expect(button(el)).to.equal(null);
    expect(part(el, 'result')!.textContent).to.match(/unavailable/);
  });

  it('says voting is unavailable when the page has no back end', async () => {
    let el!: VitrineVote;
    const warnings = await captureWarnings(async () => {
      configure({ api: undefined });
      el = await fixture<VitrineVote>(
        html`<vitrine-vote campaign="icons" product-id="sac-lune"></vitrine-vote>`,
      );
      await el.updateComplete;
    });
    expect(part(el, 'result')!.textContent).to.match(/unavailable/);
    expect(warnings.join('\n')).to.match(/set api/);
  });
});
