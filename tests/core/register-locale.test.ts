import { expect, fixture, html } from '@open-wc/testing';
import '../../src/wishlist/index.js';
import type { VitrineWishlistButton } from '../../src/wishlist/wishlist-button.js';
import { configure } from '../../src/core/config.js';
import { $locale } from '../../src/core/locale.js';
import { registerLocale } from '../../src/stores/index.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';

const nameOf = (el: VitrineWishlistButton) =>
  el.shadowRoot!.querySelector('button')!.getAttribute('aria-label');

const heart = () =>
  fixture<VitrineWishlistButton>(
    html`<vitrine-wishlist-button product-id="sac-lune" name="Sac Lune"></vitrine-wishlist-button>`,
  );

// Each test registers its own codes: a catalog, once registered, stays for the page.
describe('registerLocale()', () => {
  beforeEach(resetVitrine);
  afterEach(() => document.documentElement.setAttribute('lang', 'en'));

  it('teaches the widgets a language Vitrine lacks, chosen by <html lang>', async () => {
    registerLocale('de', { 'wishlist.add': '{name} auf die Wunschliste setzen' });
    document.documentElement.setAttribute('lang', 'de-AT');
    const el = await heart();
    await until(() => nameOf(el) === 'Sac Lune auf die Wunschliste setzen', 'German');
    expect($locale.get()).to.equal('de');
    expect(el.shadowRoot!.querySelector('[lang]')).to.equal(null);
  });

  it('follows a locale set before its catalog was registered (<vitrine-config> first)', async () => {
    const warnings = await captureWarnings(() => configure({ locale: 'pt-BR' }));
    expect(warnings.join('\n')).to.match(/locale="pt-BR" has no catalog/);
    const el = await heart();
    expect(nameOf(el)).to.equal('Save Sac Lune to wishlist');
    registerLocale('pt-BR', { 'wishlist.add': 'Salvar {name} na lista de desejos' });
    await until(() => nameOf(el) === 'Salvar Sac Lune na lista de desejos', 'Portuguese');
    expect($locale.get()).to.equal('pt-BR');
  });

  it('shows a message the catalog lacks in English, with one warning however often it shows', async () => {
    registerLocale('nl', { 'wishlist.add': '{name} bewaren' });
    configure({ locale: 'nl' });
    const warnings = await captureWarnings(async () => {
      const el = await fixture<VitrineWishlistButton>(
        html`<vitrine-wishlist-button
          product-id="sac-lune"
          name="Sac Lune"
          show-label
        ></vitrine-wishlist-button>`,
      );
      await until(() => el.shadowRoot!.querySelector('[part="label"]') !== null, 'the label');
      expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Save');
      el.requestUpdate();
      await el.updateComplete;
      await fixture(
        html`<vitrine-wishlist-button
          product-id="carre"
          name="Carré"
          show-label
        ></vitrine-wishlist-button>`,
      );
    });
    expect(warnings.filter((w) => w.includes('"wishlist.save"'))).to.deep.equal([
      '[vitrine] the nl catalog has no "wishlist.save" message; showing it in English.',
    ]);
  });

  it('puts a brand’s own wording over a built-in catalog, on widgets already shown', async () => {
    configure({ locale: 'fr' });
    const el = await heart();
    await until(() => nameOf(el) === 'Enregistrer Sac Lune dans la liste d’envies', 'French');
    registerLocale('fr', { 'wishlist.add': 'Ajouter {name} à mes envies' });
    await until(() => nameOf(el) === 'Ajouter Sac Lune à mes envies', 'the brand’s French');
    // What the brand did not reword stays the built-in French, without a warning.
    const warnings = await captureWarnings(async () => {
      el.setAttribute('show-label', '');
      await until(() => el.shadowRoot!.querySelector('[part="label"]') !== null, 'the label');
    });
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Enregistrer');
    expect(warnings).to.deep.equal([]);
  });

  it('falls back on the built-in catalog of its language first (fr-CA on fr)', async () => {
    registerLocale('fr-CA', { 'wishlist.save': 'Garder' });
    document.documentElement.setAttribute('lang', 'fr-CA');
    const warnings = await captureWarnings(async () => {
      const el = await fixture<VitrineWishlistButton>(
        html`<vitrine-wishlist-button
          product-id="sac"
          name="Sac"
          show-label
        ></vitrine-wishlist-button>`,
      );
      await until(
        () => el.shadowRoot!.querySelector('[part="label"]')?.textContent === 'Garder',
        'the brand’s Canadian French',
      );
      el.removeAttribute('show-label');
      await until(() => nameOf(el) === 'Enregistrer Sac dans la liste d’envies', 'French');
    });
    expect($locale.get()).to.equal('fr-CA');
    expect(warnings).to.deep.equal([]);
  });

  it('adds to what was registered before for the same code, whatever its case', async () => {
    registerLocale('it', { 'wishlist.save': 'Salva' });
    registerLocale('IT', { 'wishlist.saved': 'Salvato' });
    configure({ locale: 'it-IT' });
    const el = await fixture<VitrineWishlistButton>(
      html`<vitrine-wishlist-button
        product-id="sac"
        name="Sac"
        show-label
      ></vitrine-wishlist-button>`,
    );
    const label = () => el.shadowRoot!.querySelector('[part="label"]')?.textContent;
    await until(() => label() === 'Salva', 'Italian');
    el.shadowRoot!.querySelector('button')!.click();
    await until(() => label() === 'Salvato', 'the second call’s message');
  });

  it('refuses hostile codes and messages with a warning, never a throw, and changes nothing', async () => {
    const el = await heart();
    const before = nameOf(el);
    const hostile: [unknown, unknown][] = [
      ['<img src=x onerror=alert(1)>', { 'wishlist.add': 'x' }],
      ['__proto__', { 'wishlist.add': 'x' }],
      ['', { 'wishlist.add': 'x' }],
      [42, { 'wishlist.add': 'x' }],
      [null, { 'wishlist.add': 'x' }],
      ['x'.repeat(200), { 'wishlist.add': 'x' }],
      ['es', null],
      ['es', 'Guardar'],
      ['es', ['Guardar']],
    ];
    const warnings = await captureWarnings(() => {
      for (const [code, messages] of hostile) {
        registerLocale(code as string, messages as Record<string, string>);
      }
    });
    expect(warnings).to.have.length(hostile.length);
    expect(warnings.join('\n')).to.match(/is not a language tag; ignored/);
    expect(warnings.join('\n')).to.match(/must be an object of strings; ignored/);
    configure({ locale: 'es' });
    expect($locale.get()).to.equal('en');
    await el.updateComplete;
    expect(nameOf(el)).to.equal(before);
  });

  it('keeps only string messages under message keys, and pollutes no prototype', async () => {
    const messages = JSON.parse(
      '{"wishlist.add": "Spara {name}", "wishlist.save": 5, "wishlist.saved": {"toString": 1}, "__proto__": {"polluted": "yes"}, "constructor": "x"}',
    ) as Record<string, string>;
    const warnings = await captureWarnings(() => registerLocale('sv', messages));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(
      /registerLocale\("sv"\): 3 message\(s\) left out.*wishlist.save, wishlist.saved, __proto__/,
    );
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    configure({ locale: 'sv' });
    const el = await heart();
    await until(() => nameOf(el) === 'Spara Sac Lune', 'Swedish');
  });

  it('mirrors the widgets for a right-to-left language a brand adds', async () => {
    registerLocale('he', { 'wishlist.add': 'שמירת {name} ברשימת המשאלות' });
    configure({ locale: 'he' });
    const el = await heart();
    await until(() => nameOf(el) === 'שמירת Sac Lune ברשימת המשאלות', 'Hebrew');
    const button = el.shadowRoot!.querySelector('button')!;
    expect(getComputedStyle(button).direction).to.equal('rtl');
    await expect(el).to.be.accessible();
  });
});
