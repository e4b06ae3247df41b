import { html, type TemplateResult } from 'lit';
import type { BuiltInLocale as Locale } from 'vitrine/stores';
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
  'zh-Hant': {
    label: '我們的傳承',
    since: '左岸的一間工坊就此啟幕：一張工作檯、一雙巧手、一只手提包。',
    atelier: '工坊燈下，工作檯上的 Hermine 手提包',
    silk: '一段在光影中流轉的斜紋真絲',
    nuit: '月光下，大理石桌上的一瓶 Nuit d’Ambre 香水',
    turnTitle: '由您決定',
    turn: '工坊該重新製作典藏中的哪一件作品？由愛好者票選決定。',
  },
  ja: {
    label: 'メゾンの歩み',
    since: 'セーヌ左岸に工房が誕生。一台の作業台、二つの手、そしてひとつのトップハンドルバッグ。',
    atelier: '工房のランプの下、作業台に置かれた Hermine バッグ',
    silk: '光の中で揺らめくシルクツイル',
    nuit: '月明かりの下、大理石のテーブルに置かれた Nuit d’Ambre のボトル',
    turnTitle: 'あなたの一票を',
    turn: 'アーカイブのどのアイテムを、工房で再び仕立てるべきでしょうか。ファンの皆様の投票で決まります。',
  },
  ko: {
    label: '메종의 유산',
    since: '센강 좌안에 공방이 문을 엽니다. 작업대 하나, 두 손, 그리고 탑 핸들 백 하나.',
    atelier: '공방 조명 아래 작업대 위에 놓인 Hermine 백',
    silk: '빛 속에서 흐르듯 움직이는 실크 트윌',
    nuit: '달빛 아래 대리석 테이블 위에 놓인 Nuit d’Ambre 향수',
    turnTitle: '고객님의 선택',
    turn: '공방이 아카이브의 어떤 작품을 다시 만들어야 할까요? 팬 여러분의 투표로 결정됩니다.',
  },
  ar: {
    label: 'إرثنا',
    since: 'على الضفة اليسرى يفتح مشغلٌ أبوابه: طاولة عمل، ويدان، وحقيبة بمقبض علوي.',
    atelier: 'حقيبة Hermine على طاولة العمل تحت مصباح المشغل',
    silk: 'قطعة من حرير التويل تتمايل في الضوء',
    nuit: 'قارورة Nuit d’Ambre على طاولة من الرخام تحت ضوء القمر',
    turnTitle: 'الكلمة لك',
    turn: 'أيّ قطعة من الأرشيف ينبغي للمشغل أن يعيد صنعها؟ القرار للمعجبين.',
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
