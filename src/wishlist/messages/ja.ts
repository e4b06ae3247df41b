import type { WishlistCatalog } from './en.js';

/** Japanese, in the keigo of a maison's boutique. */
export const ja: WishlistCatalog = {
  'wishlist.add': '{name}をウィッシュリストに追加',
  'wishlist.remove': '{name}をウィッシュリストから削除',
  'wishlist.save': '追加',
  'wishlist.saved': '追加済み',
  'wishlist.unnamed': 'こちらのアイテム',
  'wishlist.title': 'ウィッシュリスト',
  'wishlist.count':
    '{count, plural, =0 {お気に入りのアイテムはまだございません} other {# 点のアイテムを保存済み}}',
  'wishlist.empty':
    'ウィッシュリストにはまだアイテムがございません。お気に召したアイテムのハートをタップすると、こちらに保存されます。',
  'wishlist.removeItem': '削除',
  'wishlist.removed': '{name}をウィッシュリストから削除いたしました。',
  'wishlist.view': '{name}を見る',
  'wishlist.invalidProduct': 'お取り扱いできません',
  'share.button': 'シェア',
  'share.wishlist': 'ウィッシュリストをシェア',
  'share.menu': 'シェアする方法',
  'share.native': 'その他の方法…',
  'share.copy': 'リンクをコピー',
  'share.copied': 'リンクをコピーいたしました。',
  'share.copyManually': 'こちらのリンクをコピーしてください：',
  'share.pinterest': 'Pinterest',
  'share.facebook': 'Facebook',
  'share.x': 'X',
  'share.whatsapp': 'WhatsApp',
  'share.email': 'メール',
  'share.wechat': 'WeChat',
  'share.wechatHint': 'WeChat でスキャンしていただくと、リンクが開きます。',
  'share.wechatQr': 'リンクの QR コード',
  'share.qrTooLong':
    '恐れ入りますが、こちらのリンクは QR コードにするには長すぎます。リンクをコピーしてご利用ください。',
  'share.close': '閉じる',
  'share.emptyWishlist': 'ウィッシュリストをシェアするには、まずアイテムを追加してください。',
  'share.text': '私のウィッシュリスト',
  'shared.title': 'あなたに届いたウィッシュリスト',
  'shared.saveAll': 'すべてをウィッシュリストに追加',
  'shared.allSaved': 'すべてウィッシュリストに追加済みです',
  'shared.savedAll':
    '{count, plural, =0 {こちらのアイテムはすべて、すでにウィッシュリストにございます。} other {# 点のアイテムをウィッシュリストに追加いたしました。}}',
  'shared.none': 'こちらのリンクにはウィッシュリストが含まれておりません。',
  'shared.invalid':
    'こちらのウィッシュリストのリンクは破損しているか不完全なため、変更は行っておりません。新しいリンクをお求めください。',
  'shared.tooLarge':
    'こちらのウィッシュリストのリンクは長すぎるため、安全に開くことができません。変更は行っておりません。',
  'shared.version':
    'こちらのウィッシュリストのリンクは新しいバージョンのサイトで作成されたため、変更は行っておりません。',
  'shared.expired':
    'こちらのウィッシュリストのリンクは有効期限が切れております。新しいリンクをお求めください。',
  'shared.unavailable':
    '申し訳ございません。ただいまウィッシュリストを読み込むことができません。しばらくしてから再度お試しください。',
  'shared.loading': 'ウィッシュリストを開いております…',
  'share.preparing': 'リンクを準備しております…',
  'wishlist.variant': '{name}、{variant}',
  'wishlist.unavailable': 'ただいま品切れ中です',
  'bag.add': 'ショッピングバッグに追加',
  'bag.addAll': 'すべてショッピングバッグに追加',
  'bag.adding': '追加しています…',
  'bag.added': 'ショッピングバッグに追加しました',
  'bag.failed': '追加できませんでした',
  'bag.addedOne': '{name}をショッピングバッグに追加いたしました。',
  'bag.failedOne':
    '{name}をショッピングバッグに追加できませんでした。恐れ入りますが、もう一度お試しください。',
  'bag.addedAll': '{count, plural, other {#点のアイテムをショッピングバッグに追加いたしました。}}',
  'bag.failedAll':
    'アイテムをショッピングバッグに追加できませんでした。恐れ入りますが、もう一度お試しください。',
};
