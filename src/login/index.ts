/**
 * `vitrine/login`: registers `<vitrine-login>` (and `<vitrine-config>`), and completes a
 * sign-in when this page is the callback.
 */
import { defineElement } from '../core/define.js';
import { VitrineConfigElement } from '../core/config-element.js';
import { completeLoginCallback } from '../stores/sign-in/complete-callback.js';
import { restoreSession } from '../stores/session.js';
import { followAccount } from '../stores/account.js';
import { VitrineLogin } from './login.js';
import { finishRedirect } from './finish.js';
import { installLoginPrompt } from './prompt.js';

defineElement('vitrine-config', VitrineConfigElement);
defineElement('vitrine-login', VitrineLogin);
installLoginPrompt();
followAccount();
restoreSession();
completeLoginCallback(finishRedirect);

export { VitrineLogin };
export { inAppBrowser } from './in-app.js';
export { PROVIDER_STYLES } from './providers.js';
export { LoginError, type LoginErrorCode } from '../stores/sign-in/errors.js';
export { $loginError, type LoginFailure } from './outcome.js';
export * from '../core/events.js';
