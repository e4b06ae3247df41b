/** English messages of the "add to bag" buttons (see `en.ts`; the other locales hold these too). */
export const enBag = {
  'bag.add': 'Add to bag',
  'bag.addAll': 'Add all to bag',
  'bag.adding': 'Adding…',
  'bag.added': 'Added to bag',
  'bag.failed': 'Could not be added',
  'bag.addedOne': '{name} has been added to your bag.',
  'bag.failedOne': '{name} could not be added to your bag. Please try again.',
  'bag.addedAll':
    '{count, plural, one {# piece has been added to your bag.} other {# pieces have been added to your bag.}}',
  'bag.failedAll': 'Your pieces could not be added to your bag. Please try again.',
} as const;
