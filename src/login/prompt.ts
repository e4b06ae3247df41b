import { setLoginPrompt } from '../stores/session.js';

/**
 * How `requestLogin()` reaches the fan: through the page's first `<vitrine-login>`, or one
 * added for the purpose (its dialog only) when the page has none.
 */
export function installLoginPrompt(): void {
  setLoginPrompt((request) => {
    let host = document.querySelector('vitrine-login');
    if (!host) {
      host = document.createElement('vitrine-login');
      host.setAttribute('data-vitrine-prompt', '');
      host.style.display = 'contents';
      document.body.append(host);
    }
    return host.prompt(request);
  });
}
