import type { LoginCatalog } from './en.js';

/** Korean, in the formal polite register of a maison's boutique. */
export const ko: LoginCatalog = {
  'login.signIn': '로그인',
  'login.choose': '로그인 방법',
  'login.with.google': 'Google 계정으로 로그인',
  'login.with.facebook': 'Facebook으로 계속하기',
  'login.with.apple': 'Apple로 로그인',
  'login.with.x': 'X로 로그인',
  'login.with.pinterest': 'Pinterest로 계속하기',
  'login.with.wechat': 'WeChat으로 로그인',
  'login.with.line': 'LINE으로 로그인',
  'login.pending': '로그인하는 중입니다…',
  'login.account': '{name} 고객님의 계정',
  'login.signedInAs': '{name} 고객님으로 로그인되어 있습니다',
  'login.signOut': '로그아웃',
  'login.prompt': '계속하시려면 로그인해 주십시오',
  'login.close': '닫기',
  'login.error.config': '이 사이트에서는 아직 로그인을 이용하실 수 없습니다.',
  'login.error.cancelled': '로그인이 취소되었습니다.',
  'login.error.denied': '로그인이 거부되었습니다. 언제든 다시 시도하실 수 있습니다.',
  'login.error.provider': '로그인 서비스에서 요청을 받아들이지 않았습니다. 다시 시도해 주십시오.',
  'login.error.state':
    '로그인 응답이 요청과 일치하지 않아 처리하지 않았습니다. 다시 시도해 주십시오.',
  'login.error.token': '로그인을 확인할 수 없어 로그인되지 않았습니다. 다시 시도해 주십시오.',
  'login.error.network':
    '로그인 서비스에 연결할 수 없습니다. 네트워크 연결을 확인하신 후 다시 시도해 주십시오.',
  'login.error.issuer':
    '지금은 로그인 서비스를 이용하실 수 없습니다. 잠시 후 다시 시도해 주십시오.',
  'login.error.storage':
    '로그인하시려면 이 브라우저에서 이 페이지의 사이트 데이터를 허용해 주십시오.',
  'login.inApp':
    '브라우저에서 로그인하시기를 권해 드립니다. {app}에서는 로그인이 차단될 수 있습니다.',
  'login.inApp.open': '브라우저에서 열기',
  'login.inApp.copy': '링크 복사',
  'login.inApp.copied': '링크가 복사되었습니다. 브라우저에 붙여 넣어 주십시오.',
  'login.inApp.hint': '또는 ••• 메뉴를 누르신 후 ‘브라우저에서 열기’를 선택해 주십시오.',
  'login.inApp.anyway': '여기에서 계속 시도',
  'login.app.instagram': 'Instagram',
  'login.app.facebook': 'Facebook',
  'login.app.linkedin': 'LinkedIn',
  'login.app.wechat': 'WeChat',
  'login.myData.download': '내 데이터 다운로드',
  'login.myData.delete': '내 데이터 삭제',
  'login.myData.confirmTitle': '고객님의 데이터를 삭제하시겠습니까?',
  'login.myData.confirmText':
    '투표는 철회되고, 이 사이트의 위시리스트와 공유하신 링크는 삭제되며, 로그아웃됩니다. 이 작업은 되돌릴 수 없습니다.',
  'login.myData.confirm': '내 데이터 삭제',
  'login.myData.cancel': '취소',
  'login.myData.deleting': '고객님의 데이터를 삭제하는 중입니다…',
  'login.myData.deleted': '고객님의 데이터가 삭제되었으며 로그아웃되었습니다.',
  'login.myData.failed': '사이트에 연결할 수 없어 완료하지 못했습니다. 다시 시도해 주십시오.',
};
