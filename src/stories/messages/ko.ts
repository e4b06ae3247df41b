import type { StoriesCatalog } from './en.js';

/** Korean, in the formal polite register of a maison's boutique. */
export const ko: StoriesCatalog = {
  'stories.label': '스토리',
  'stories.carousel': '캐러셀',
  'stories.slide': '슬라이드',
  'stories.position': '{total}개 중 {n}번째',
  'stories.play': '슬라이드 쇼 자동 재생 시작',
  'stories.pause': '슬라이드 쇼 자동 재생 중지',
  'stories.previous': '이전 슬라이드',
  'stories.next': '다음 슬라이드',
  'stories.fullscreen': '전체 화면',
  'stories.exitFullscreen': '전체 화면 종료',
  'stories.loading': '스토리를 불러오는 중입니다…',
  'stories.empty': '지금은 이 스토리를 보여 드릴 수 없습니다.',
  'hotspot.open': '{name} 보기',
  'hotspot.unnamed': '이 제품',
  'hotspot.shop': '자세히 보기',
  'hotspot.close': '닫기',
};
