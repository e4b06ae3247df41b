import type { StoriesCatalog } from './en.js';

/** Japanese, in the keigo of a maison's boutique. */
export const ja: StoriesCatalog = {
  'stories.label': 'ストーリー',
  'stories.carousel': 'カルーセル',
  'stories.slide': 'スライド',
  'stories.position': '{total} 枚中 {n} 枚目',
  'stories.play': 'スライドショーを自動再生',
  'stories.pause': 'スライドショーの自動再生を停止',
  'stories.previous': '前のスライド',
  'stories.next': '次のスライド',
  'stories.fullscreen': '全画面表示',
  'stories.exitFullscreen': '全画面表示を終了',
  'stories.loading': 'ストーリーを読み込んでおります…',
  'stories.empty': '申し訳ございません。ただいまこちらのストーリーを表示できません。',
  'hotspot.open': '{name}を見る',
  'hotspot.unnamed': 'こちらのアイテム',
  'hotspot.shop': '詳しく見る',
  'hotspot.close': '閉じる',
};
