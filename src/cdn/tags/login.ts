/**
 * Registers `<vitrine-login>` when the CDN file finds one on the page, or when sign-in is
 * asked for (`requestLogin()`) or completed (this page is the callback), as `vitrine/login`
 * does: the login prompt, the account sync and a redirect sign-in's end come with it.
 */
import { defineElement, register } from '../../core/define.js';
import { followAccount } from '../../stores/account.js';
import { completeLoginCallback } from '../../stores/sign-in/complete-callback.js';
import { finishRedirect } from '../../login/finish.js';
import { VitrineLogin } from '../../login/login.js';
import { installLoginPrompt } from '../../login/prompt.js';

register(() => {
  defineElement('vitrine-login', VitrineLogin);
  installLoginPrompt();
  followAccount();
  completeLoginCallback(finishRedirect);
});
