import { expect } from '@open-wc/testing';
import { inAppBrowser } from '../../../src/login/in-app.js';
import {
  ATTEMPT_TTL_MS,
  REDIRECT_KEY,
  STATE_PREFIX,
  callbackParams,
  readRedirectAttempt,
  withoutCallbackParams,
  writeRedirectAttempt,
  type RedirectAttempt,
} from '../../../src/stores/sign-in/protocol.js';
import { resetVitrine } from '../../support/helpers.js';

describe('sign-in protocol bookkeeping', () => {
  beforeEach(resetVitrine);

  it('recognises only a Vitrine answer: our state, with a code or an error', () => {
    const base = 'https://maison.example/';
    expect(callbackParams(`${base}?code=abc&state=${STATE_PREFIX}xyz`)?.get('code')).to.equal(
      'abc',
    );
    expect(
      callbackParams(`${base}?error=access_denied&state=${STATE_PREFIX}xyz`)?.get('error'),
    ).to.equal('access_denied');
    // A brand's own OAuth callback on the same page is left alone.
    expect(callbackParams(`${base}?code=abc&state=brand-state`)).to.equal(undefined);
    expect(callbackParams(`${base}?state=${STATE_PREFIX}xyz`)).to.equal(undefined);
    expect(callbackParams(base)).to.equal(undefined);
  });

  it('takes the provider’s answer out of the URL and keeps the rest', () => {
    expect(
      withoutCallbackParams(
        'https://maison.example/bags?colour=noir&code=abc&state=vitrine.x&iss=https%3A%2F%2Fid&session_state=1#grid',
      ),
    ).to.equal('https://maison.example/bags?colour=noir#grid');
  });

  it('keeps a redirect attempt in sessionStorage only, for ten minutes at most', () => {
    const attempt: RedirectAttempt = {
      state: `${STATE_PREFIX}s`,
      nonce: 'n',
      verifier: 'v',
      provider: 'google',
      redirectUri: 'https://maison.example/',
      returnTo: 'https://maison.example/bags',
      issuer: 'https://id.maison.example',
      clientId: 'maison-web',
      createdAt: Date.now(),
    };
    expect(writeRedirectAttempt(attempt)).to.equal(true);
    expect(readRedirectAttempt()).to.deep.equal(attempt);
    expect(localStorage.length).to.equal(0);

    writeRedirectAttempt({ ...attempt, createdAt: Date.now() - ATTEMPT_TTL_MS - 1 });
    expect(readRedirectAttempt()).to.equal(undefined);
    expect(sessionStorage.getItem(REDIRECT_KEY), 'stale attempt removed').to.equal(null);
  });

  it('treats a damaged attempt as none', () => {
    sessionStorage.setItem(REDIRECT_KEY, '{not json');
    expect(readRedirectAttempt()).to.equal(undefined);
    sessionStorage.setItem(REDIRECT_KEY, JSON.stringify({ state: 1 }));
    expect(readRedirectAttempt()).to.equal(undefined);
  });
});

describe('in-app browser detection', () => {
  const cases: Record<string, string | undefined> = {
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 325.0.0.0':
      'instagram',
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/460.0.0.0;]':
      'facebook',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/450.0]':
      'facebook',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29':
      'linkedin',
    'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560 NetType/WIFI Language/zh_CN':
      'wechat',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15':
      undefined,
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36':
      undefined,
    '': undefined,
  };
  for (const [userAgent, app] of Object.entries(cases)) {
    it(`${app ?? 'a real browser'}: ${userAgent.slice(-40) || '(empty)'}`, () => {
      expect(inAppBrowser(userAgent)).to.equal(app);
    });
  }
});
