import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { safeUrl } from '../../src/core/safe-url.js';

describe('safeUrl', () => {
  it('keeps http(s) URLs and resolves relative ones against the page', () => {
    expect(safeUrl('https://maison.example/sac?x=1#a')).to.equal(
      'https://maison.example/sac?x=1#a',
    );
    expect(safeUrl('/products/sac.svg')).to.equal(new URL('/products/sac.svg', location.href).href);
    expect(safeUrl('  HTTPS://Maison.example/ ')).to.equal('https://maison.example/');
  });

  it('refuses script, data and other schemes however they are disguised', () => {
    const hostile = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\rscript:alert(1)',
      '\u0000javascript:alert(1)',
      '\u001fjavascript:alert(1)',
      'javascript&colon;alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'file:///etc/passwd',
      'blob:https://x/1',
      '//evil.example\u0000',
    ];
    for (const value of hostile) {
      const result = safeUrl(value);
      expect(result === undefined || /^https?:/.test(result), value).to.equal(true);
      expect(result ?? '', value).not.to.match(/^(javascript|vbscript|data|file|blob):/i);
    }
    expect(safeUrl('javascript:alert(1)')).to.equal(undefined);
    expect(safeUrl('java\tscript:alert(1)')).to.equal(undefined);
  });

  it('refuses non-strings, empty and oversized input', () => {
    for (const value of [
      undefined,
      null,
      42,
      {},
      [],
      '',
      '   ',
      `https://x.example/${'a'.repeat(3000)}`,
    ]) {
      expect(safeUrl(value)).to.equal(undefined);
    }
  });

  it('never returns anything but an http(s) URL, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (value) => {
        const result = safeUrl(value);
        return result === undefined || /^https?:\/\//.test(result);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom('javascript', 'vbscript', 'data'),
        fc.array(fc.constantFrom('\t', '\n', '\r', '\u0000', ' ', '\u000b'), { maxLength: 3 }),
        fc.boolean(),
        (scheme, noise, upper) => {
          const mixed = upper ? scheme.toUpperCase() : scheme;
          const value = `${noise.join('')}${mixed.slice(0, 3)}${noise.join('')}${mixed.slice(3)}:alert(1)`;
          const result = safeUrl(value);
          return result === undefined || /^https?:\/\//.test(result);
        },
      ),
    );
  });

  it('refuses what hides in invisible characters: C1 controls, separators, bidi, lone surrogates', () => {
    for (const hidden of [
      '\u0085',
      '\u009b',
      '\u2028',
      '\u2029',
      '\u202e',
      '\u202a',
      '\u2066',
      '\u2069',
      '\ud83d',
      '\ude00',
    ]) {
      expect(safeUrl(`https://maison.example/sac${hidden}lune`), escape(hidden)).to.equal(
        undefined,
      );
      expect(safeUrl(`${hidden}https://maison.example/`), escape(hidden)).to.equal(undefined);
    }
    // An emoji is a whole pair: percent-encoded, kept.
    expect(safeUrl('https://maison.example/\ud83d\ude00')).to.equal(
      'https://maison.example/%F0%9F%98%80',
    );
  });

  it('refuses user:password parts and schemes without their //', () => {
    for (const value of [
      'https://maison.example@evil.example/',
      'https://user:pw@maison.example/',
      'https://:pw@maison.example/',
      'https:evil.example',
      'http:evil.example/path',
      'https:/evil.example',
      'https:\\\\evil.example',
      'https:///evil.example',
    ]) {
      expect(safeUrl(value), value).to.equal(undefined);
    }
    expect(safeUrl(' https://maison.example/sac')).to.equal('https://maison.example/sac');
  });
});
