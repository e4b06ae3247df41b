/** English messages of `<vitrine-story-tray>`, loaded with it (see `en.ts`; the other locales hold both). */
export const enTray = {
  'tray.new': '{count, plural, one {# new} other {# new}}',
  'tray.cover': '{label}, {news}',
  'tray.close': 'Close the stories',
  'tray.share': 'Share this story',
  'tray.copied': 'The link is copied',
} as const;
