import type { StoriesCatalog } from './en.js';

export const zhHans: StoriesCatalog = {
  'stories.label': '故事',
  'stories.carousel': '轮播',
  'stories.slide': '幻灯片',
  'stories.position': '第 {n} 张，共 {total} 张',
  'stories.play': '开始自动播放',
  'stories.pause': '停止自动播放',
  'stories.previous': '上一张',
  'stories.next': '下一张',
  'stories.fullscreen': '全屏',
  'stories.exitFullscreen': '退出全屏',
  'stories.loading': '正在加载故事…',
  'stories.empty': '暂时无法显示这些故事。',
  'hotspot.open': '查看{name}',
  'hotspot.unnamed': '此作品',
  'hotspot.shop': '了解详情',
  'hotspot.close': '关闭',
  'hotspot.variant': '{name}，{variant}',
  'hotspot.unavailable': '暂时缺货',
};
