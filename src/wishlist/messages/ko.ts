import type { WishlistCatalog } from './en.js';

/** Korean, in the formal polite register of a maison's boutique. */
export const ko: WishlistCatalog = {
  'wishlist.add': '{name} 위시리스트에 담기',
  'wishlist.remove': '위시리스트에서 {name} 삭제',
  'wishlist.save': '담기',
  'wishlist.saved': '담김',
  'wishlist.unnamed': '이 제품',
  'wishlist.title': '위시리스트',
  'wishlist.count': '{count, plural, =0 {담아 두신 제품이 없습니다} other {담아 두신 제품 #개}}',
  'wishlist.empty':
    '위시리스트가 비어 있습니다. 마음에 드시는 제품의 하트를 누르시면 이곳에 담아 두실 수 있습니다.',
  'wishlist.removeItem': '삭제',
  'wishlist.removed': '{name} 제품을 위시리스트에서 삭제하였습니다.',
  'wishlist.view': '{name} 보기',
  'wishlist.invalidProduct': '현재 제공되지 않음',
  'share.button': '공유',
  'share.wishlist': '위시리스트 공유',
  'share.menu': '공유 방법',
  'share.native': '더 보기…',
  'share.copy': '링크 복사',
  'share.copied': '링크가 복사되었습니다.',
  'share.copyManually': '이 링크를 복사해 주십시오:',
  'share.pinterest': 'Pinterest',
  'share.facebook': 'Facebook',
  'share.x': 'X',
  'share.whatsapp': 'WhatsApp',
  'share.email': '이메일',
  'share.wechat': 'WeChat',
  'share.wechatHint': 'WeChat으로 스캔하시면 링크가 열립니다.',
  'share.wechatQr': '링크 QR 코드',
  'share.qrTooLong': '이 링크는 QR 코드로 만들기에 너무 깁니다. 대신 링크를 복사해 주십시오.',
  'share.close': '닫기',
  'share.emptyWishlist': '위시리스트를 공유하시려면 먼저 제품을 담아 주십시오.',
  'share.text': '나의 위시리스트',
  'shared.title': '고객님께 공유된 위시리스트',
  'shared.saveAll': '모두 나의 위시리스트에 담기',
  'shared.allSaved': '모두 위시리스트에 담겨 있습니다',
  'shared.savedAll':
    '{count, plural, =0 {이곳의 제품은 모두 이미 위시리스트에 담겨 있습니다.} other {제품 #개를 위시리스트에 담았습니다.}}',
  'shared.none': '이 링크에는 위시리스트가 없습니다.',
  'shared.invalid':
    '이 위시리스트 링크가 손상되었거나 완전하지 않아 아무것도 변경하지 않았습니다. 새 링크를 요청해 주십시오.',
  'shared.tooLarge':
    '이 위시리스트 링크는 너무 길어 안전하게 열 수 없으므로 아무것도 변경하지 않았습니다.',
  'shared.version':
    '이 위시리스트 링크는 사이트의 최신 버전에서 만들어져 아무것도 변경하지 않았습니다.',
  'shared.expired': '이 위시리스트 링크는 만료되었습니다. 새 링크를 요청해 주십시오.',
  'shared.unavailable': '지금은 이 위시리스트를 불러올 수 없습니다. 잠시 후 다시 시도해 주십시오.',
  'shared.loading': '위시리스트를 여는 중입니다…',
  'share.preparing': '링크를 준비하는 중입니다…',
};
