/** English messages of `<vitrine-story-tray>`, loaded with it (see `en.ts`; the other locales hold both). */
export const enTray = {
  'tray.new': '{count, plural, one {# new} other {# new}}',
  'tray.cover': '{label}, {news}',
  /** A group whose feed is read once it opens: what it holds is not known before. */
  'tray.fresh': '{label}, new',
  'tray.close': 'Close the stories',
  'tray.share': 'Share this story',
  'tray.copied': 'The link is copied',
} as const;
