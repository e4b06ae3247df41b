import { expect, fixture, html } from '@open-wc/testing';
import '../../src/wishlist/index.js';
import { $config, configure } from '../../src/core/config.js';
import { $locale } from '../../src/core/locale.js';
import { captureWarnings, resetVitrine } from '../support/helpers.js';

describe('<vitrine-config> and configure()', () => {
  beforeEach(resetVitrine);
  afterEach(() => document.documentElement.setAttribute('lang', 'en'));

  it('applies attributes, and a change at run time updates every widget', async () => {
    const page = await fixture(
      html`<div>
        <vitrine-config locale="fr" currency="JPY" theme="dark"></vitrine-config>
        <vitrine-wishlist-button product-id="a" name="Sac"></vitrine-wishlist-button>
        <vitrine-wishlist-count></vitrine-wishlist-count>
      </div>`,
    );
    const config = page.querySelector('vitrine-config')!;
    const button = page.querySelector('vitrine-wishlist-button')!;
    const count = page.querySelector('vitrine-wishlist-count')!;
    expect($config.get()).to.include({ locale: 'fr', currency: 'JPY', theme: 'dark' });
    await button.updateComplete;
    expect(button.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.contain(
      'Enregistrer',
    );
    expect(button.dataset.theme).to.equal('dark');
    expect(config.hidden).to.equal(true);

    config.setAttribute('locale', 'zh-Hans');
    config.setAttribute('theme', 'light');
    await button.updateComplete;
    await count.updateComplete;
    expect(button.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal(
      '收藏Sac',
    );
    expect(count.shadowRoot!.textContent).to.contain('暂无收藏');
    // Light is the tokens' default: the widgets carry no attribute for it.
    expect(button.hasAttribute('data-theme')).to.equal(false);

    config.removeAttribute('locale');
    expect($locale.get()).to.equal('en');
  });

  it('takes image-origins as a space-separated list of bare origins', async () => {
    const warnings = await captureWarnings(() =>
      fixture(
        html`<vitrine-config
          image-origins="https://cdn.maison.example https://cdn.maison.example/x https://img.maison.example"
        ></vitrine-config>`,
      ),
    );
    expect($config.get().imageOrigins).to.deep.equal([
      'https://cdn.maison.example',
      'https://img.maison.example',
    ]);
    expect(warnings.join('\n')).to.contain(
      '"https://cdn.maison.example/x" is not an http(s) origin',
    );
  });

  it('follows <html lang> when no locale is configured', async () => {
    const button = await fixture(
      html`<vitrine-wishlist-button product-id="a" name="Sac"></vitrine-wishlist-button>`,
    );
    document.documentElement.setAttribute('lang', 'fr-FR');
    await new Promise((resolve) => setTimeout(resolve));
    await (button as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(button.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.contain(
      'Enregistrer',
    );
  });

  it('warns about bad values and unknown options, keeping safe defaults', async () => {
    const warnings = await captureWarnings(() =>
      configure({
        theme: 'neon' as never,
        storage: 'cloud' as never,
        currency: 'euros',
        api: 'javascript:alert(1)',
        providers: 'google myspace',
        locale: 'tlh',
        colour: 'red',
      } as never),
    );
    expect($config.get()).to.include({
      theme: 'light',
      storage: 'local',
      currency: 'EUR',
      api: undefined,
    });
    expect($config.get().providers).to.deep.equal(['google']);
    expect($locale.get()).to.equal('en');
    for (const word of ['neon', 'cloud', 'euros', 'javascript:', 'myspace', 'tlh', 'colour']) {
      expect(warnings.join('\n'), word).to.contain(word);
    }
  });

  it('warns about unknown attributes', async () => {
    const warnings = await captureWarnings(
      () => fixture(html`<vitrine-config colour="red"></vitrine-config>`),
      'has no attribute',
    );
    expect(warnings.join()).to.contain('colour');
  });
});
