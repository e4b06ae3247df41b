/** English messages: the reference catalog every other locale must match key for key. */
export const en = {
  'wishlist.add': 'Save {name} to wishlist',
  'wishlist.remove': 'Remove {name} from wishlist',
  'wishlist.save': 'Save',
  'wishlist.unnamed': 'this item',
  'wishlist.title': 'Wishlist',
  'wishlist.count': '{count, plural, =0 {No saved items} one {# saved item} other {# saved items}}',
  'wishlist.empty': 'Your wishlist is empty. Tap the heart on a piece you love to keep it here.',
  'wishlist.removeItem': 'Remove',
  'wishlist.removed': '{name} removed from your wishlist.',
  'wishlist.view': 'View {name}',
  'wishlist.invalidProduct': 'Unavailable',
  'share.button': 'Share',
  'share.wishlist': 'Share wishlist',
  'share.menu': 'Share via',
  'share.native': 'More options…',
  'share.copy': 'Copy link',
  'share.copied': 'Link copied.',
  'share.copyManually': 'Copy this link:',
  'share.pinterest': 'Pinterest',
  'share.facebook': 'Facebook',
  'share.x': 'X',
  'share.whatsapp': 'WhatsApp',
  'share.email': 'Email',
  'share.wechat': 'WeChat',
  'share.wechatHint': 'Scan with WeChat to open the link.',
  'share.wechatQr': 'QR code of the link',
  'share.qrTooLong': 'This link is too long for a QR code; copy it instead.',
  'share.close': 'Close',
  'share.emptyWishlist': 'Save a piece first to share your wishlist.',
  'share.text': 'My wishlist',
  'shared.title': 'A wishlist shared with you',
  'shared.saveAll': 'Save all to my wishlist',
  'shared.savedAll':
    '{count, plural, =0 {Everything here is already in your wishlist.} one {# piece added to your wishlist.} other {# pieces added to your wishlist.}}',
  'shared.none': 'This link holds no wishlist.',
  'shared.invalid':
    'This wishlist link is damaged or incomplete, so nothing was changed. Ask for a new link.',
  'shared.tooLarge': 'This wishlist link is too long to open safely, so nothing was changed.',
  'shared.version':
    'This wishlist link comes from a newer version of the site, so nothing was changed.',
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
