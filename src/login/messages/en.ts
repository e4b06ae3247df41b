/** English messages of `<vitrine-login>` . Provider names are never translated. */
export const en = {
  'login.signIn': 'Sign in',
  'login.choose': 'Sign in with',
  'login.with.google': 'Sign in with Google',
  'login.with.facebook': 'Continue with Facebook',
  'login.with.apple': 'Sign in with Apple',
  'login.with.x': 'Sign in with X',
  'login.with.pinterest': 'Continue with Pinterest',
  'login.with.wechat': 'Sign in with WeChat',
  'login.with.line': 'Log in with LINE',
  'login.pending': 'Signing in…',
  'login.account': 'Account of {name}',
  'login.signedInAs': 'Signed in as {name}',
  'login.signOut': 'Sign out',
  'login.prompt': 'Sign in to continue',
  'login.close': 'Close',
  'login.error.config': 'Sign-in is not set up on this site yet.',
  'login.error.cancelled': 'Sign-in was cancelled.',
  'login.error.denied': 'Sign-in was declined. You can try again whenever you like.',
  'login.error.provider': 'The sign-in service turned the request down. Please try again.',
  'login.error.state':
    'This sign-in answer did not match the request, so it was ignored. Please try again.',
  'login.error.token':
    'The sign-in could not be verified, so you are not signed in. Please try again.',
  'login.error.network':
    'The sign-in service could not be reached. Check your connection and try again.',
  'login.error.issuer': 'The sign-in service is unavailable right now. Please try again later.',
  'login.error.storage': 'Sign-in needs this browser to allow site data for this page.',
  'login.inApp': 'Sign-in works best in your browser: {app} may block it here.',
  'login.inApp.open': 'Open in browser',
  'login.inApp.copy': 'Copy link',
  'login.inApp.copied': 'Link copied. Paste it in your browser.',
  'login.inApp.hint': 'Or tap the ••• menu and choose “Open in browser”.',
  'login.inApp.anyway': 'Try here anyway',
  'login.app.instagram': 'Instagram',
  'login.app.facebook': 'Facebook',
  'login.app.linkedin': 'LinkedIn',
  'login.app.wechat': 'WeChat',
  'login.myData.download': 'Download my data',
  'login.myData.delete': 'Delete my data',
  'login.myData.confirmTitle': 'Delete your data?',
  'login.myData.confirmText':
    'Your votes will be withdrawn, and your wishlist and the links you shared deleted from this site. You will be signed out. This cannot be undone.',
  'login.myData.confirm': 'Delete my data',
  'login.myData.cancel': 'Cancel',
  'login.myData.deleting': 'Deleting your data…',
  'login.myData.deleted': 'Your data was deleted and you are signed out.',
  'login.myData.failed': 'That did not work: the site could not be reached. Please try again.',
} as const;

/** Every message of the login family, in one locale. */
export type LoginCatalog = Record<keyof typeof en, string>;

declare module '../../core/i18n/index.js' {
  interface VitrineMessages extends LoginCatalog {}
}
