import { html, type TemplateResult } from 'lit';
import type { Locale } from 'vitrine/stores';
import { handbag, images, products } from '../fixtures.js';

/** The slides' pictures and video, bundled so that nothing is fetched from the network. */
export const media = {
  atelier: new URL('../assets/story-atelier.svg', import.meta.url).href,
  nuit: new URL('../assets/story-nuit.svg', import.meta.url).href,
  silk: new URL('../assets/silk.webm', import.meta.url).href,
};

type Product = (typeof products)[number];

/** The fixtures' perfume, beside `handbag`. */
const perfume = products[2] as Product;

/** The square the silk video names. */
const jardin: Product = {
  productId: 'carre-jardin',
  name: 'Jardin silk square',
  price: 420,
  currency: 'EUR',
  image: images.scarf,
  url: 'https://maison.example/products/jardin',
};

interface Copy {
  label: string;
  since: string;
  atelier: string;
  silk: string;
  nuit: string;
  turnTitle: string;
  turn: string;
}

/** The brand's words on the slides, in each language the toolbar offers. */
export const copy: Record<Locale, Copy> = {
  en: {
    label: 'Our heritage',
    since: 'A workshop opens on the Left Bank: one bench, two hands, a top-handle bag.',
    atelier: 'The Hermine bag on the workbench, under the workshop lamp',
    silk: 'A length of silk twill moving in the light',
    nuit: 'A bottle of Nuit d’Ambre on a marble table, by moonlight',
    turnTitle: 'Your turn',
    turn: 'Which piece from the archive should the workshop make again? The fans decide.',
  },
  fr: {
    label: 'Notre histoire',
    since: 'Un atelier ouvre sur la rive gauche : un établi, deux mains, un sac à poignée.',
    atelier: 'Le sac Hermine sur l’établi, sous la lampe de l’atelier',
    silk: 'Un métrage de twill de soie qui ondule dans la lumière',
    nuit: 'Un flacon de Nuit d’Ambre sur une table de marbre, au clair de lune',
    turnTitle: 'À vous',
    turn: 'Quelle pièce des archives l’atelier doit-il refaire ? Les fans décident.',
  },
  'zh-Hans': {
    label: '我们的传承',
    since: '一间工坊在左岸开张：一张工作台，一双手，一只手提包。',
    atelier: '工坊灯下，工作台上的 Hermine 手提包',
    silk: '一段在光线中飘动的斜纹真丝',
    nuit: '月光下，大理石桌上的一瓶 Nuit d’Ambre 香水',
    turnTitle: '轮到你了',
    turn: '工坊应该重新制作档案中的哪一件作品？由粉丝决定。',
  },
};

export const hotspotFor = (product: Product, x: number, y: number) => html`
  <vitrine-hotspot
    product-id=${product.productId}
    x=${x}
    y=${y}
    name=${product.name}
    price=${product.price}
    currency=${product.currency}
    image=${product.image}
    url=${product.url}
  ></vitrine-hotspot>
`;

/** Text slides are the brand's own markup; the page styles them (here, inline). */
const textSlide = (id: string, heading: string, text: string) => html`
  <vitrine-story id=${id}>
    <div data-vitrine-text>
      <p style="margin: 0 0 0.5rem; font: 2.25rem/1.1 Georgia, serif">${heading}</p>
      <p style="margin: 0">${text}</p>
    </div>
  </vitrine-story>
`;

/** Media take `data-src`: the carousel sets `src` once the slide comes near. */
const pictureSlide = (id: string, src: string, alt: string, hotspots: TemplateResult) => html`
  <vitrine-story id=${id}>
    <img data-src=${src} alt=${alt} width="540" height="960" />
    ${hotspots}
  </vitrine-story>
`;

/** The workshop picture, its tag on the bag unless other hotspots are given. */
export const atelierSlide = (locale: Locale, hotspots = hotspotFor(handbag, 0.54, 0.69)) =>
  pictureSlide('atelier', media.atelier, copy[locale].atelier, hotspots);

/** Each slide of the heritage story on its own, in `locale`. */
export function slides(locale: Locale) {
  const t = copy[locale];
  return {
    since: textSlide('since-1924', '1924', t.since),
    atelier: atelierSlide(locale),
    silk: html`
      <vitrine-story id="silk">
        <video
          data-src=${media.silk}
          muted
          playsinline
          preload="none"
          width="360"
          height="640"
          aria-label=${t.silk}
        ></video>
        ${hotspotFor(jardin, 0.5, 0.45)}
      </vitrine-story>
    `,
    nuit: pictureSlide('nuit', media.nuit, t.nuit, hotspotFor(perfume, 0.56, 0.6)),
    turn: textSlide('your-turn', t.turnTitle, t.turn),
  };
}

/** The house's story from the README: text, pictures with hotspots, a video, text. */
export function heritage(locale: Locale): TemplateResult {
  const s = slides(locale);
  return html`${s.since}${s.atelier}${s.silk}${s.nuit}${s.turn}`;
}
