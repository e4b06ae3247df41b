import type { LoginCatalog } from './en.js';

/** Japanese, in the keigo of a maison's boutique. */
export const ja: LoginCatalog = {
  'login.signIn': 'ログイン',
  'login.choose': 'ログイン方法をお選びください',
  'login.with.google': 'Google でログイン',
  'login.with.facebook': 'Facebook で続ける',
  'login.with.apple': 'Apple でサインイン',
  'login.with.x': 'X でログイン',
  'login.with.pinterest': 'Pinterest で続ける',
  'login.with.wechat': 'WeChat でログイン',
  'login.with.line': 'LINE でログイン',
  'login.pending': 'ログインしております…',
  'login.account': '{name} 様のアカウント',
  'login.signedInAs': '{name} 様としてログイン中',
  'login.signOut': 'ログアウト',
  'login.prompt': '続けるにはログインしてください',
  'login.close': '閉じる',
  'login.error.config': '恐れ入りますが、このサイトではまだログインをご利用いただけません。',
  'login.error.cancelled': 'ログインはキャンセルされました。',
  'login.error.denied': 'ログインが許可されませんでした。いつでも改めてお試しいただけます。',
  'login.error.provider':
    'ログインサービスがリクエストをお受けできませんでした。恐れ入りますが、再度お試しください。',
  'login.error.state':
    'ログインの応答がリクエストと一致しなかったため、処理を中止いたしました。再度お試しください。',
  'login.error.token':
    'ログインを確認できなかったため、ログインは完了しておりません。再度お試しください。',
  'login.error.network':
    'ログインサービスに接続できませんでした。通信環境をご確認のうえ、再度お試しください。',
  'login.error.issuer':
    'ただいまログインサービスをご利用いただけません。しばらくしてから再度お試しください。',
  'login.error.storage':
    'ログインには、このページのサイトデータをブラウザで許可していただく必要がございます。',
  'login.inApp':
    'ブラウザでのログインをおすすめいたします。{app} ではログインが制限される場合がございます。',
  'login.inApp.open': 'ブラウザで開く',
  'login.inApp.copy': 'リンクをコピー',
  'login.inApp.copied': 'リンクをコピーいたしました。ブラウザに貼り付けてください。',
  'login.inApp.hint': 'または ••• メニューをタップし、「ブラウザで開く」をお選びください。',
  'login.inApp.anyway': 'このまま試す',
  'login.app.instagram': 'Instagram',
  'login.app.facebook': 'Facebook',
  'login.app.linkedin': 'LinkedIn',
  'login.app.wechat': 'WeChat',
  'login.myData.download': '登録データをダウンロード',
  'login.myData.delete': '登録データを削除',
  'login.myData.confirmTitle': 'お客様のデータを削除しますか？',
  'login.myData.confirmText':
    'お客様の投票は取り消され、このサイトのウィッシュリストとシェアされたリンクは削除されます。また、ログアウトいたします。この操作は元に戻せません。',
  'login.myData.confirm': '登録データを削除',
  'login.myData.cancel': 'キャンセル',
  'login.myData.deleting': 'お客様のデータを削除しております…',
  'login.myData.deleted': 'お客様のデータを削除し、ログアウトいたしました。',
  'login.myData.failed':
    '申し訳ございません。サイトに接続できなかったため、完了できませんでした。再度お試しください。',
};
