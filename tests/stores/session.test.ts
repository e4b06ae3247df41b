import { expect } from '@open-wc/testing';
import {
  $session,
  KEPT_SESSION_KEY,
  getIdToken,
  keepSession,
  logout,
  requestLogin,
  restoreSession,
  setLoginPrompt,
  setPending,
  startSession,
  type SessionUser,
} from '../../src/stores/session.js';
import { captureWarnings, resetVitrine } from '../support/helpers.js';

const camille: SessionUser = { sub: 'user-1', name: 'Camille Laurent', email: 'c@example.com' };
const inAnHour = () => Date.now() + 3600_000;

describe('$session', () => {
  beforeEach(() => {
    keepSession(false);
    logout();
    resetVitrine();
  });
  afterEach(() => {
    keepSession(false);
    logout();
    setLoginPrompt(undefined);
  });

  it('starts a session with the verified user, and hands out its ID token', () => {
    startSession(camille, { idToken: 'token-1', expiresAt: inAnHour() }, 'google');
    expect($session.get()).to.deep.equal({
      status: 'authenticated',
      user: camille,
      provider: 'google',
    });
    expect(getIdToken()).to.equal('token-1');
  });

  it('keeps the tokens out of the store, and out of both storages by default', () => {
    startSession(camille, { idToken: 'secret-token', expiresAt: inAnHour() });
    expect(JSON.stringify($session.get())).not.to.contain('secret-token');
    expect(sessionStorage.length).to.equal(0);
    expect(localStorage.length).to.equal(0);
  });

  it('signs out: forgets the user and the token', () => {
    startSession(camille, { idToken: 'token-1', expiresAt: inAnHour() });
    logout();
    expect($session.get()).to.deep.equal({ status: 'anonymous' });
    expect(getIdToken()).to.equal(undefined);
  });

  it('forgets an expired token, and the fan is signed out', () => {
    startSession(camille, { idToken: 'old-token', expiresAt: Date.now() - 1 });
    expect(getIdToken()).to.equal(undefined);
    expect($session.get().status).to.equal('anonymous');
  });

  it('shows a sign-in in progress, and goes back to anonymous when it ends without one', () => {
    setPending('apple');
    expect($session.get()).to.deep.equal({ status: 'pending', provider: 'apple' });
    setPending(undefined);
    expect($session.get()).to.deep.equal({ status: 'anonymous' });
  });

  it('leaves a signed-in fan signed in when a sign-in that never started ends', () => {
    startSession(camille, { idToken: 'token-1', expiresAt: inAnHour() });
    setPending(undefined);
    expect($session.get().status).to.equal('authenticated');
    expect(getIdToken()).to.equal('token-1');
  });

  describe('keep-session', () => {
    it('keeps the session in this tab’s sessionStorage, never in localStorage', () => {
      keepSession(true);
      startSession(camille, { idToken: 'kept-token', expiresAt: inAnHour() });
      const kept = JSON.parse(sessionStorage.getItem(KEPT_SESSION_KEY)!);
      expect(kept.user).to.deep.equal(camille);
      expect(kept.tokens.idToken).to.equal('kept-token');
      expect(localStorage.length).to.equal(0);
    });

    it('stores what was already signed in once asked to keep it, and removes it when not', () => {
      startSession(camille, { idToken: 'token-1', expiresAt: inAnHour() });
      keepSession(true);
      expect(sessionStorage.getItem(KEPT_SESSION_KEY)).to.contain('token-1');
      keepSession(false);
      expect(sessionStorage.getItem(KEPT_SESSION_KEY)).to.equal(null);
      expect($session.get().status).to.equal('authenticated');
    });

    it('removes the kept session at sign-out', () => {
      keepSession(true);
      startSession(camille, { idToken: 'token-1', expiresAt: inAnHour() });
      logout();
      expect(sessionStorage.getItem(KEPT_SESSION_KEY)).to.equal(null);
    });

    it('restores a kept session after a reload', () => {
      keepSession(true);
      startSession(camille, { idToken: 'kept-token', expiresAt: inAnHour() });
      const kept = sessionStorage.getItem(KEPT_SESSION_KEY)!;
      // A reload: this page's memory is gone, the tab's sessionStorage is not.
      keepSession(false);
      logout();
      sessionStorage.setItem(KEPT_SESSION_KEY, kept);
      restoreSession();
      expect($session.get()).to.deep.equal({ status: 'authenticated', user: camille });
      expect(getIdToken()).to.equal('kept-token');
      // Restored, it is kept again: the next reload restores it too.
      expect(sessionStorage.getItem(KEPT_SESSION_KEY)).to.equal(kept);
    });

    it('drops an expired, incomplete or damaged kept session', () => {
      const user = camille;
      for (const kept of [
        JSON.stringify({ user, tokens: { idToken: 't', expiresAt: Date.now() - 1 } }),
        JSON.stringify({
          user: { sub: 'user-1' },
          tokens: { idToken: 't', expiresAt: inAnHour() },
        }),
        JSON.stringify({ user, tokens: { idToken: 7, expiresAt: inAnHour() } }),
        JSON.stringify({ user }),
      ]) {
        sessionStorage.setItem(KEPT_SESSION_KEY, kept);
        restoreSession();
        expect($session.get().status, kept).to.equal('anonymous');
        expect(sessionStorage.getItem(KEPT_SESSION_KEY), kept).to.equal(null);
      }
      sessionStorage.setItem(KEPT_SESSION_KEY, '{"user":');
      expect(() => restoreSession()).not.to.throw();
      expect($session.get().status).to.equal('anonymous');
    });
  });

  describe('requestLogin()', () => {
    it('resolves at once with a fan already signed in', async () => {
      setLoginPrompt(() => Promise.reject(new Error('not asked')));
      startSession(camille, { idToken: 'token-1', expiresAt: inAnHour() });
      expect(await requestLogin({ reason: 'Sign in to vote' })).to.deep.equal(camille);
    });

    it('asks the page’s sign-in prompt, with the reason, and resolves with its fan', async () => {
      const asked: unknown[] = [];
      setLoginPrompt(async (request) => {
        asked.push(request);
        startSession(camille, { idToken: 'token-2', expiresAt: inAnHour() });
        return camille;
      });
      expect(await requestLogin({ reason: 'Sign in to vote' })).to.deep.equal(camille);
      expect(asked).to.deep.equal([{ reason: 'Sign in to vote' }]);
    });

    it('asks again when the fan’s token has expired', async () => {
      let asked = 0;
      setLoginPrompt(async () => {
        asked += 1;
        return camille;
      });
      startSession(camille, { idToken: 'old-token', expiresAt: Date.now() - 1 });
      await requestLogin();
      expect(asked).to.equal(1);
    });

    it('warns and rejects when the page has no way to sign in', async () => {
      let error: unknown;
      const warnings = await captureWarnings(async () => {
        error = await requestLogin().catch((reason: unknown) => reason);
      });
      expect(error).to.be.instanceOf(Error);
      expect((error as Error).message).to.equal(
        'Vitrine: requestLogin() needs vitrine/login (or vitrine) on the page.',
      );
      expect(warnings).to.deep.equal([
        '[vitrine] requestLogin() needs vitrine/login (or vitrine) on the page.',
      ]);
    });
  });
});
