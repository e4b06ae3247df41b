import type { StoriesCatalog } from './en.js';

/** Traditional Chinese, as maisons in Hong Kong and Taiwan write it. */
export const zhHant: StoriesCatalog = {
  'stories.label': '品牌故事',
  'stories.carousel': '輪播',
  'stories.slide': '幻燈片',
  'stories.position': '第 {n} 張，共 {total} 張',
  'stories.play': '開始自動播放',
  'stories.pause': '停止自動播放',
  'stories.previous': '上一張',
  'stories.next': '下一張',
  'stories.fullscreen': '全螢幕',
  'stories.exitFullscreen': '退出全螢幕',
  'stories.loading': '正在載入故事…',
  'stories.empty': '目前無法呈現這些故事。',
  'hotspot.open': '查看{name}',
  'hotspot.unnamed': '此單品',
  'hotspot.shop': '探索',
  'hotspot.close': '關閉',
};
