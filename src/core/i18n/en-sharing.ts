/** English messages of the share menu and the shared-wishlist page (see `en.ts`). */
export const enSharing = {
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
