import type { StoriesCatalog } from './en.js';

/** Modern Standard Arabic, in a refined register. */
export const ar: StoriesCatalog = {
  'stories.label': 'حكايات',
  'stories.carousel': 'عرض دوّار',
  'stories.slide': 'شريحة',
  'stories.position': '{n} من {total}',
  'stories.play': 'بدء العرض التلقائي للشرائح',
  'stories.pause': 'إيقاف العرض التلقائي للشرائح',
  'stories.previous': 'الشريحة السابقة',
  'stories.next': 'الشريحة التالية',
  'stories.fullscreen': 'ملء الشاشة',
  'stories.exitFullscreen': 'الخروج من ملء الشاشة',
  'stories.loading': 'جارٍ تحميل الحكايات…',
  'stories.empty': 'يتعذّر عرض هذه الحكايات حاليًا.',
  'hotspot.open': 'عرض {name}',
  'hotspot.unnamed': 'هذه القطعة',
  'hotspot.shop': 'اكتشف',
  'hotspot.close': 'إغلاق',
  'stories.soundOn': 'تشغيل الصوت',
  'stories.soundOff': 'كتم الصوت',
  'tray.new':
    '{count, plural, zero {لا جديد} one {حكاية جديدة} two {حكايتان جديدتان} few {# حكايات جديدة} many {# حكاية جديدة} other {# حكاية جديدة}}',
  'tray.cover': '{label}، {news}',
  'tray.fresh': '{label}، حكايات جديدة',
  'tray.close': 'إغلاق الحكايات',
  'tray.share': 'مشاركة هذه الحكاية',
  'tray.copied': 'تم نسخ الرابط',
  'hotspot.variant': '{name}، {variant}',
  'hotspot.unavailable': 'غير متوفرة حاليًا',
};
