import { expect } from '@open-wc/testing';
import { $config, configure, resetConfig, type VitrineConfig } from '../../src/core/config.js';
import { captureWarnings, resetVitrine } from '../support/helpers.js';

const DEFAULTS: VitrineConfig = {
  api: undefined,
  issuer: undefined,
  clientId: undefined,
  redirectUri: undefined,
  providers: ['google', 'facebook', 'apple'],
  providerParam: undefined,
  locale: undefined,
  currency: 'EUR',
  theme: 'light',
  storage: 'local',
  imageOrigins: [],
  bag: false,
};

/** The keys of `$config` that changed while `run` went, one entry per notification. */
function changedKeys(run: () => void): (string | undefined)[] {
  const keys: (string | undefined)[] = [];
  const stop = $config.listen((_value, _old, key) => keys.push(key));
  try {
    run();
  } finally {
    stop();
  }
  return keys;
}

describe('$config and configure()', () => {
  beforeEach(resetVitrine);

  it('starts from safe defaults: nothing sent anywhere, the wishlist on this device', () => {
    expect($config.get()).to.deep.equal(DEFAULTS);
  });

  it('normalises what a page writes: URLs without the trailing slash, codes upper case', async () => {
    const warnings = await captureWarnings(() =>
      configure({
        api: 'https://api.maison.example/v1///',
        issuer: ' https://id.maison.example/ ',
        clientId: '  vitrine-web  ',
        redirectUri: 'https://maison.example/callback/',
        providers: ' apple  google apple ',
        providerParam: ' kc_idp_hint ',
        locale: 'fr-CA',
        currency: ' jpy ',
        theme: 'dark',
        storage: 'session',
        imageOrigins: ' https://cdn.maison.example  https://img.maison.example/ ',
        bag: '',
      }),
    );
    expect(warnings).to.deep.equal([]);
    expect($config.get()).to.deep.equal({
      api: 'https://api.maison.example/v1',
      issuer: 'https://id.maison.example',
      clientId: 'vitrine-web',
      redirectUri: 'https://maison.example/callback/',
      providers: ['apple', 'google'],
      providerParam: 'kc_idp_hint',
      locale: 'fr',
      currency: 'JPY',
      theme: 'dark',
      storage: 'session',
      imageOrigins: ['https://cdn.maison.example', 'https://img.maison.example'],
      bag: true,
    });
  });

  it('takes the providers as a list too', () => {
    configure({ providers: ['line', 'wechat'] });
    expect($config.get().providers).to.deep.equal(['line', 'wechat']);
  });

  it('warns once for each bad value, saying what it uses instead', async () => {
    const cases: [Parameters<typeof configure>[0], RegExp][] = [
      [
        { theme: 'neon' as never },
        /theme="neon" is not one of light, dark, auto; "light" is used\. Write theme="auto"/,
      ],
      [
        { storage: 'cloud' as never },
        /storage="cloud" is not one of .*; "local" is used\. Write storage="/,
      ],
      [
        { currency: 'euros' },
        /currency="euros" is not an ISO 4217 code; EUR is used\. Write currency="EUR"/,
      ],
      [
        { api: 'javascript:alert(1)' },
        /api="javascript:alert\(1\)" is not an http\(s\) URL; it is ignored\. Write api="https:/,
      ],
      [{ issuer: 'ftp://id.example' }, /issuer="ftp:\/\/id.example" is not an http\(s\) URL/],
      [{ redirectUri: 'data:text/html,x' }, /redirect-uri="data:text\/html,x"/],
      [
        { providerParam: 'a b' },
        /provider-param="a b" is not a plain query parameter name; none is sent\. Write provider-param="/,
      ],
      [
        { locale: 'tlh' },
        /locale="tlh" has no catalog; the page language is used, or en\. Write locale="fr"/,
      ],
      [
        { colour: 'red' } as never,
        /unknown option "colour" ignored; the others apply\. Known: api, issuer/,
      ],
      [
        { imageOrigins: 'https://cdn.example/images' },
        /"https:\/\/cdn.example\/images" is not an http\(s\) origin/,
      ],
      [
        { imageOrigins: ['javascript:alert(1)'] },
        /"javascript:alert\(1\)" is not an http\(s\) origin/,
      ],
      [{ imageOrigins: 'https:cdn.example' }, /"https:cdn.example" is not an http\(s\) origin/],
    ];
    for (const [input, expected] of cases) {
      resetConfig();
      const warnings = await captureWarnings(() => configure(input));
      expect(warnings, JSON.stringify(input)).to.have.length(1);
      expect(warnings[0], JSON.stringify(input)).to.match(/^\[vitrine\] /);
      expect(warnings[0], JSON.stringify(input)).to.match(expected);
      expect($config.get(), JSON.stringify(input)).to.deep.equal(DEFAULTS);
    }
  });

  it('keeps the known providers and warns once about each unknown one', async () => {
    const warnings = await captureWarnings(() => configure({ providers: 'google myspace orkut' }));
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.match(
      /unknown provider "myspace" ignored; the others are kept\. Known: google facebook/,
    );
    expect(warnings[1]).to.match(/unknown provider "orkut" ignored/);
    expect($config.get().providers).to.deep.equal(['google']);
  });

  it('keeps the other options of one call when one of them is bad', async () => {
    await captureWarnings(() => configure({ currency: 'GBP', theme: 'neon' as never }));
    expect($config.get()).to.include({ currency: 'GBP', theme: 'light' });
  });

  it('drops a configured back end when the page sets a bad URL for it', async () => {
    configure({ api: 'https://api.maison.example' });
    await captureWarnings(() => configure({ api: 'javascript:alert(1)' }));
    expect($config.get().api).to.equal(undefined);
  });

  it('restores a default for undefined or null, and leaves unnamed options alone', () => {
    configure({ currency: 'JPY', theme: 'dark', providers: 'x', api: 'https://api.example' });
    configure({ currency: undefined, providers: null as never });
    expect($config.get()).to.include({
      currency: 'EUR',
      theme: 'dark',
      api: 'https://api.example',
    });
    expect($config.get().providers).to.deep.equal(DEFAULTS.providers);
  });

  it('tells listeners only about options that changed', () => {
    configure({ currency: 'JPY', providers: 'google apple' });
    expect(
      changedKeys(() => configure({ currency: 'jpy', providers: ['google', 'apple'] })),
    ).to.deep.equal([]);
    expect(changedKeys(() => configure({ currency: 'USD', theme: 'light' }))).to.deep.equal([
      'currency',
    ]);
  });

  it('refuses an option named like a built-in of every object, with a warning', async () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) {
      const warnings = await captureWarnings(() => configure({ [name]: 'x' } as never));
      expect(warnings.join('\n'), name).to.contain(`unknown option "${name}" ignored`);
      expect(Object.keys($config.get()), name).not.to.include(name);
    }
  });

  it('accepts no options at all', async () => {
    const warnings = await captureWarnings(() => {
      configure({});
      configure(undefined as never);
    });
    expect(warnings).to.deep.equal([]);
    expect($config.get()).to.deep.equal(DEFAULTS);
  });

  it('resetConfig() restores every default', () => {
    configure({ api: 'https://api.example', locale: 'fr', storage: 'memory', theme: 'auto' });
    resetConfig();
    expect($config.get()).to.deep.equal(DEFAULTS);
  });
});
