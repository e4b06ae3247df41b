import { expect, fixture, html } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/index.js';
import { configure } from '../../src/core/config.js';
import type { VitrineStories } from '../../src/stories/stories.js';
import type { VitrineWishlistButton } from '../../src/wishlist/wishlist-button.js';
import type { VitrineLogin } from '../../src/login/login.js';
import { captureWarnings, resetVitrine, until } from '../support/helpers.js';

/**
 * Renders `markup` as a marketer pasted it into a CMS, and returns the warnings it caused
 * (with `awaited`, once a warning that includes it arrived).
 */
async function pasted(
  markup: string,
  awaited?: string,
): Promise<{ el: HTMLElement; warnings: string[] }> {
  let el!: HTMLElement;
  const warnings = await captureWarnings(async () => {
    el = await fixture(staticHtml`${unsafeStatic(markup)}`);
    await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  }, awaited);
  return { el, warnings };
}

describe('a misspelt attribute', () => {
  beforeEach(resetVitrine);

  const cases: [string, string][] = [
    [
      '<vitrine-wishlist-button product_id="sac-a" product-id="sac-a"></vitrine-wishlist-button>',
      '[vitrine] <vitrine-wishlist-button> has no attribute "product_id"; it is ignored. Did you mean product-id?',
    ],
    [
      '<vitrine-wishlist-button product-id="sac-b" nam="Sac Lune"></vitrine-wishlist-button>',
      '[vitrine] <vitrine-wishlist-button> has no attribute "nam"; it is ignored. Did you mean name?',
    ],
    [
      '<vitrine-wishlist-button product-id="sac-c" prise="1250"></vitrine-wishlist-button>',
      '[vitrine] <vitrine-wishlist-button> has no attribute "prise"; it is ignored. Did you mean price?',
    ],
    [
      '<vitrine-stories auto-play></vitrine-stories>',
      '[vitrine] <vitrine-stories> has no attribute "auto-play"; it is ignored. Did you mean autoplay?',
    ],
    [
      '<vitrine-stories durration="4"></vitrine-stories>',
      '[vitrine] <vitrine-stories> has no attribute "durration"; it is ignored. Did you mean duration?',
    ],
    [
      '<vitrine-stories lable="Heritage"></vitrine-stories>',
      '[vitrine] <vitrine-stories> has no attribute "lable"; it is ignored. Did you mean label?',
    ],
    [
      '<vitrine-share share-target="copy email"></vitrine-share>',
      '[vitrine] <vitrine-share> has no attribute "share-target"; it is ignored. Did you mean targets?',
    ],
    [
      '<vitrine-config lokale="fr"></vitrine-config>',
      '[vitrine] <vitrine-config> has no attribute "lokale"; it is ignored. Did you mean locale?',
    ],
  ];
  for (const [markup, warning] of cases) {
    it(`is named with the nearest known one: ${markup}`, async () => {
      const { warnings } = await pasted(markup, 'has no attribute');
      expect(warnings).to.include(warning);
      expect(warnings.filter((w) => w.includes('has no attribute'))).to.have.length(1);
    });
  }

  it('far from any known one, lists the attributes the element knows', async () => {
    const { warnings } = await pasted(
      '<vitrine-wishlist-count colour="gold"></vitrine-wishlist-count>',
      'has no attribute',
    );
    expect(warnings).to.deep.equal([
      '[vitrine] <vitrine-wishlist-count> has no attribute "colour"; it is ignored. Known attributes: hide-empty.',
    ]);
  });

  it('leaves ARIA, data-* and the global HTML attributes alone', async () => {
    const { warnings } = await pasted(
      '<vitrine-wishlist-button product-id="sac-d" id="heart" class="card" title="Save" data-sku="1" aria-describedby="x" lang="fr" hidden></vitrine-wishlist-button>',
    );
    expect(warnings).to.deep.equal([]);
  });
});

describe('a boolean attribute written "false"', () => {
  beforeEach(resetVitrine);

  for (const value of ['false', 'no', 'off', '0', 'FALSE']) {
    it(`autoplay="${value}" leaves the slide show off, and says how boolean attributes work`, async () => {
      const { el, warnings } = await pasted(
        `<vitrine-stories autoplay="${value}" loop="${value}"><vitrine-story><div data-vitrine-text><p>One</p></div></vitrine-story></vitrine-stories>`,
      );
      const stories = el as VitrineStories;
      expect(stories.autoplay).to.equal(false);
      expect(stories.loop).to.equal(false);
      const rotation = stories.shadowRoot!.querySelector('[part="rotation"]')!;
      expect(rotation.getAttribute('aria-label')).to.equal('Start automatic slide show');
      expect(warnings).to.include(
        `[vitrine] <vitrine-stories> autoplay="${value}" is read as off, but autoplay is a boolean attribute: present means on, whatever its value. Remove autoplay to turn it off; write autoplay alone to turn it on.`,
      );
    });
  }

  it('show-label="false" shows no label, compact="no" keeps the full buttons', async () => {
    const button = (await pasted(
      '<vitrine-wishlist-button product-id="sac-e" show-label="false"></vitrine-wishlist-button>',
    )) as { el: VitrineWishlistButton; warnings: string[] };
    expect(button.el.shadowRoot!.querySelector('[part="label"]')).to.equal(null);
    expect(button.warnings[0]).to.match(/show-label="false" is read as off/);

    const login = (await pasted(
      '<vitrine-login compact="no" providers="google"></vitrine-login>',
    )) as { el: VitrineLogin; warnings: string[] };
    expect(login.el.compact).to.equal(false);
    expect(login.el.shadowRoot!.querySelector('[part~="provider"]')!.textContent!.trim()).to.equal(
      'Sign in with Google',
    );
    expect(login.warnings.join('\n')).to.match(/compact="no" is read as off/);
  });

  it('present with any other value, or none, is on', async () => {
    const { el, warnings } = await pasted(
      '<vitrine-wishlist-button product-id="sac-f" show-label="yes"></vitrine-wishlist-button>',
    );
    expect(el.shadowRoot!.querySelector('[part="label"]')).not.to.equal(null);
    expect(warnings).to.deep.equal([]);
  });
});

describe('the language of the widgets', () => {
  beforeEach(resetVitrine);
  afterEach(() => document.documentElement.setAttribute('lang', 'en'));

  const speaks = (el: HTMLElement, selector: string, lang: string) =>
    el.shadowRoot!.querySelector(selector)!.matches(`:lang(${lang})`);

  it('is marked on their own text when it differs from the page’s', async () => {
    configure({ locale: 'fr' });
    const el = await fixture<VitrineWishlistButton>(
      html`<vitrine-wishlist-button product-id="sac-g" name="Sac Lune"></vitrine-wishlist-button>`,
    );
    await until(() => speaks(el, 'button', 'fr'), 'French marked on the button');
    expect(el.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.match(
      /Enregistrer Sac Lune/,
    );
    await expect(el).to.be.accessible();
  });

  it('is not marked when the widgets speak the page’s language', async () => {
    document.documentElement.setAttribute('lang', 'fr-FR');
    configure({ locale: 'fr' });
    const el = await fixture<VitrineWishlistButton>(
      html`<vitrine-wishlist-button product-id="sac-h" name="Sac Lune"></vitrine-wishlist-button>`,
    );
    const button = () => el.shadowRoot!.querySelector('button')!;
    await until(() => /Enregistrer/.test(button().getAttribute('aria-label') ?? ''), 'French');
    // The page says French already: its lang covers the widget's text.
    expect(el.shadowRoot!.querySelector('[lang]')).to.equal(null);
  });

  it('leaves the brand’s slotted text in the page’s language, and follows a change', async () => {
    configure({ locale: 'zh-Hans' });
    const el = await fixture<VitrineStories>(html`
      <vitrine-stories>
        <vitrine-story
          ><div data-vitrine-text><p>Heritage</p></div></vitrine-story
        >
      </vitrine-stories>
    `);
    await until(() => speaks(el, '[part="base"]', 'zh-Hans'), 'Chinese controls');
    expect(el.querySelector('p')!.matches(':lang(en)')).to.equal(true);
    configure({ locale: 'en' });
    await until(() => el.shadowRoot!.querySelector('[lang]') === null, 'English again');
  });
});

describe('a widget taken off the page and put back', () => {
  beforeEach(resetVitrine);

  it('shows the language and theme chosen while it was away', async () => {
    const place = await fixture<HTMLDivElement>(
      html`<div>
        <vitrine-wishlist-button product-id="sac-lune" name="Sac Lune"></vitrine-wishlist-button>
        <vitrine-wishlist-button product-id="carre" name="Carré"></vitrine-wishlist-button>
      </div>`,
    );
    const [away, staying] = [
      ...place.querySelectorAll<VitrineWishlistButton>('vitrine-wishlist-button'),
    ];
    const label = (el: VitrineWishlistButton) =>
      el.shadowRoot!.querySelector('button')!.getAttribute('aria-label') ?? '';
    await away!.updateComplete;
    away!.remove();
    configure({ locale: 'fr', theme: 'dark' });
    await until(() => /Enregistrer/.test(label(staying!)), 'the widget on the page in French');
    expect(label(away!)).not.to.match(/Enregistrer/);
    place.append(away!);
    await until(() => /Enregistrer/.test(label(away!)), 'the widget put back in French');
    expect(away!.dataset.theme).to.equal('dark');
    // Back to the default theme: no attribute is left for page CSS to trip on.
    configure({ theme: 'light' });
    await until(() => !away!.hasAttribute('data-theme'), 'the light theme');
  });
});
