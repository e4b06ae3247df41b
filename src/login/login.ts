import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { emit } from '../core/events.js';
import { loadFloatingUi } from '../core/floating-controller.js';
import { PopoverController } from '../core/popover-controller.js';
import { safeUrl } from '../core/safe-url.js';
import { StoreController } from '../core/store-controller.js';
import { VitrineElement } from '../core/vitrine-element.js';
import { booleanAttribute, warnAttribute } from '../core/attributes.js';
import { warn } from '../core/warn.js';
import { PROVIDERS, parseProviders, type Provider } from '../core/config.js';
import {
  $session,
  keepSession,
  logout,
  type LoginRequest,
  type SessionUser,
} from '../stores/session.js';
import { deleteMyData, downloadMyData } from '../stores/account.js';
import { inAppBrowser, type InAppBrowser } from './in-app.js';
import { $loginError, reportOutcome } from './outcome.js';
import { PROVIDER_STYLES, providerColours } from './providers.js';
import { styles } from './login.styles.js';
import { includeMessages } from '../core/i18n/index.js';
import { loginMessages } from './messages/index.js';

includeMessages(loginMessages);

/** The sign-in code (oauth4webapi) arrives with the first click, or earlier on hover/focus. */
const loadFlow = () => import('../stores/sign-in/oidc.js');

/** A popup centred on the page, opened during the click so that no blocker stops it. */
function openPopup(): Window | null {
  const width = 480;
  const height = 640;
  const left = Math.max(0, window.screenX + (window.outerWidth - width) / 2);
  const top = Math.max(0, window.screenY + (window.outerHeight - height) / 2);
  try {
    return window.open(
      '',
      'vitrine-login',
      `popup,width=${width},height=${height},left=${left},top=${top}`,
    );
  } catch {
    return null;
  }
}

/**
 * @tag vitrine-login
 * @summary Social sign-in over OpenID Connect: one button per provider when signed out,
 * the fan's avatar and name with a menu when signed in (sign out; with an `api`, download
 * or delete the data the back end keeps about them).
 *
 * @fires vitrine-login - A fan signed in. Detail `{user}` (verified claims: `sub`, `name`, `email?`, `picture?`).
 * @fires vitrine-logout - The fan signed out.
 * @fires vitrine-login-error - Sign-in did not happen. Detail `{code, message}`; `code` is `cancelled` when the fan closed the window.
 *
 * @csspart provider-list - The list of provider buttons.
 * @csspart provider - Each provider button (also `provider-<name>`, e.g. `provider-google`).
 * @csspart icon - A provider's mark.
 * @csspart account - The signed-in button (avatar and name).
 * @csspart avatar - The fan's picture, or their initial.
 * @csspart name - The fan's name.
 * @csspart menu - The account menu.
 * @csspart sign-out - The sign-out button.
 * @csspart download-data - The menu's "Download my data" button (with an `api` only).
 * @csspart delete-data - The menu's "Delete my data" button (with an `api` only).
 * @csspart confirm-delete - The dialog that asks the fan to confirm the deletion.
 * @csspart confirm - The dialog's button that deletes.
 * @csspart cancel - The dialog's button that keeps everything.
 * @csspart error - The error message.
 * @csspart setup - Says that sign-in is not set up, while `<vitrine-config>` lacks `issuer` or `client-id`.
 * @csspart notice - The in-app browser notice.
 * @csspart dialog - The sign-in dialog opened by `requestLogin()`.
 *
 * @cssprop --vitrine-login-z-index - Stacking order of the account menu (default 1000).
 */
export class VitrineLogin extends VitrineElement {
  static override styles = [...[VitrineElement.styles].flat(), styles, providerColours];

  static override properties: PropertyDeclarations = {
    providers: {},
    mode: {},
    compact: {
      type: Boolean,
      reflect: true,
      converter: booleanAttribute('vitrine-login', 'compact'),
    },
    keepSession: {
      type: Boolean,
      attribute: 'keep-session',
      converter: booleanAttribute('vitrine-login', 'keep-session'),
    },
    inAppDismissed: { state: true, attribute: false },
    linkCopied: { state: true, attribute: false },
    prompting: { state: true, attribute: false },
    dataTask: { state: true, attribute: false },
    dataNews: { state: true, attribute: false },
  };

  /** Providers to offer, in order, separated by spaces. Allowed: google facebook apple x pinterest wechat line. Default: the `providers` of `<vitrine-config>` (google facebook apple). */
  providers = '';
  /** How sign-in opens: a popup (a redirect when it is blocked) or a redirect of the page. Allowed: popup, redirect. Default: popup. */
  mode: 'popup' | 'redirect' = 'popup';
  /** Icon-only provider buttons, for a header. */
  compact = false;
  /** Keep the session in sessionStorage so it survives a reload of this tab (off: memory only). */
  keepSession = false;

  private inAppDismissed = false;
  private linkCopied = false;
  private prompting: LoginRequest | undefined;
  /** What the fan asked of their data and is under way. */
  private dataTask: 'download' | 'delete' | undefined;
  /** What became of it, announced: a failure, or the deletion done. */
  private dataNews: 'failed' | 'deleted' | undefined;

  private get confirmDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('[part="confirm-delete"]');
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('[part="dialog"]');
  }

  private readonly session = new StoreController(this, $session);
  private readonly error = new StoreController(this, $loginError);
  private readonly menu = new PopoverController(this, {
    placement: 'bottom-end',
    trigger: () => this.renderRoot.querySelector('[part="account"]'),
    panel: () => this.renderRoot.querySelector('[part="menu"]'),
    initialFocus: () => this.renderRoot.querySelector('[part~="sign-out"]'),
  });
  private readonly inApp = inAppBrowser();
  private promptDone: ((user: SessionUser | undefined) => void) | undefined;

  private get providerList(): Provider[] {
    return this.providers ? parseProviders(this.providers) : this.config.providers;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.mode !== 'popup' && this.mode !== 'redirect') {
      warnAttribute('vitrine-login', 'mode', String(this.mode), {
        expected: 'popup or redirect',
        instead: 'sign-in opens in a popup',
        example: 'mode="redirect"',
      });
      this.mode = 'popup';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.promptDone?.(undefined);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // One page-wide setting: any `<vitrine-login keep-session>` turns it on; only removing the
    // attribute turns it off, so a header login without it does not undo the main one.
    if (changed.has('keepSession') && (this.keepSession || changed.get('keepSession') === true)) {
      keepSession(this.keepSession);
    }
    if (this.session.value.status === 'authenticated' && this.prompting) this.closePrompt();
    // A fan who signs in again after erasing their data is not told about it again.
    if (this.session.value.status === 'authenticated' && this.dataNews === 'deleted') {
      this.dataNews = undefined;
    }
    this.checkSetup();
  }

  /** Whether `<vitrine-config>` says where fans sign in. */
  private get configured(): boolean {
    return Boolean(this.config.issuer && this.config.clientId);
  }

  /** Tells the marketer at load, not at a fan's click, what keeps sign-in from working. */
  private checkSetup(): void {
    if (!this.configured) {
      warn(
        '<vitrine-login> cannot sign anyone in: <vitrine-config> has no issuer and client-id, so the widget shows "Sign-in is not set up on this site yet." Write <vitrine-config issuer="https://id.example.com" client-id="web-shop">, for example.',
        `login-not-set-up:${this.providers}`,
      );
    }
    if (this.providerList.length === 0) {
      warn(
        `<vitrine-login> has no provider to offer (providers names none Vitrine knows), so no sign-in button is shown. Write providers="google apple", for example; known: ${PROVIDERS.join(' ')}.`,
        'login-no-providers',
      );
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const dialog = this.dialog;
    if (changed.has('prompting') && this.prompting && dialog && !dialog.open) dialog.showModal();
  }

  /**
   * Asks the fan to sign in (what `requestLogin()` calls): at once with a given provider or
   * when only one is offered, else in a dialog listing the providers.
   */
  prompt(request: LoginRequest = {}): Promise<SessionUser> {
    const providers = this.providerList;
    const only = request.provider ?? (providers.length === 1 ? providers[0] : undefined);
    if (only) return this.signIn(only);
    this.promptDone?.(undefined);
    this.prompting = request;
    return new Promise((resolve, reject) => {
      const stop = $session.subscribe(({ status, user }) => {
        if (status === 'authenticated' && user) this.promptDone?.(user);
      });
      this.promptDone = (user) => {
        this.promptDone = undefined;
        stop();
        if (user) resolve(user);
        else reject(new Error('Vitrine: sign-in was cancelled.'));
      };
    });
  }

  private closePrompt(): void {
    this.prompting = undefined;
    if (this.dialog?.open) this.dialog.close();
    if (this.session.value.status !== 'authenticated') this.promptDone?.(undefined);
  }

  /** Starts sign-in with `provider`. The popup opens now, while the click still counts. */
  signIn(provider: Provider): Promise<SessionUser> {
    const { issuer, clientId } = this.config;
    // Without a provider to go to, no window opens just to close again.
    const popup = this.mode === 'popup' && issuer && clientId ? openPopup() : null;
    const late = (outcome: Promise<SessionUser>) =>
      void reportOutcome(outcome, this).catch(() => {});
    const outcome = loadFlow().then(({ signIn }) => signIn(provider, popup, late));
    return reportOutcome(outcome, this);
  }

  /** Signs out: forgets the user and every token, then fires `vitrine-logout`. */
  signOut(): void {
    this.menu.close();
    logout();
    emit(this, 'vitrine-logout', {});
  }

  private async downloadData(): Promise<void> {
    this.dataTask = 'download';
    this.dataNews = undefined;
    try {
      await downloadMyData();
    } catch {
      this.dataNews = 'failed';
    } finally {
      this.dataTask = undefined;
    }
  }

  private askToDelete(): void {
    this.menu.close();
    this.dataNews = undefined;
    this.confirmDialog?.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('[part="cancel"]')?.focus();
  }

  private async deleteData(): Promise<void> {
    this.dataTask = 'delete';
    this.dataNews = undefined;
    try {
      await deleteMyData();
      this.dataNews = 'deleted';
      this.confirmDialog?.close();
      emit(this, 'vitrine-logout', {});
    } catch {
      this.dataNews = 'failed';
    } finally {
      this.dataTask = undefined;
    }
  }

  private async copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(location.href);
      this.linkCopied = true;
    } catch {
      this.linkCopied = false;
      warn('could not copy the page link; the fan can copy it from the address bar.');
    }
  }

  private renderProviders(compact: boolean) {
    const pending = this.session.value.status === 'pending';
    const failure = this.error.value && this.t(`login.error.${this.error.value.code}`);
    const news = compact ? 'floating' : '';
    return html`
      <ul
        part="provider-list"
        class=${compact ? 'compact' : nothing}
        aria-label=${this.t('login.choose')}
        aria-busy=${String(pending)}
      >
        ${this.providerList.map((provider) => {
          const style = PROVIDER_STYLES[provider];
          const label = this.t(`login.with.${provider}`);
          return html`<li>
            <button
              part="provider provider-${provider}"
              type="button"
              aria-label=${compact ? label : nothing}
              title=${compact ? label : nothing}
              ?disabled=${pending}
              @pointerenter=${loadFlow}
              @focus=${loadFlow}
              @click=${() => void this.signIn(provider).catch(() => {})}
            >
              ${style.icon}${compact ? nothing : html`<span>${label}</span>`}
            </button>
          </li>`;
        })}
      </ul>
      <p class="status ${news}" role="status">${pending ? this.t('login.pending') : nothing}</p>
      ${failure ? html`<p part="error" class=${news} role="alert">${failure}</p>` : nothing}
      ${
        !this.configured && !pending && this.error.value?.code !== 'config'
          ? html`<p part="setup" class=${news || nothing}>${this.t('login.error.config')}</p>`
          : nothing
      }
    `;
  }

  private renderInApp(app: InAppBrowser) {
    const here = safeUrl(location.href);
    return html`<div part="notice" role="note">
      <p>${this.t('login.inApp', { app: this.t(`login.app.${app}`) })}</p>
      <p class="actions">
        ${
          here
            ? html`<a class="action" href=${here} target="_blank" rel="noopener"
                >${this.t('login.inApp.open')}</a
              >`
            : nothing
        }
        <button class="action" type="button" @click=${() => void this.copyLink()}>
          ${this.t('login.inApp.copy')}
        </button>
        <button class="link" type="button" @click=${() => (this.inAppDismissed = true)}>
          ${this.t('login.inApp.anyway')}
        </button>
      </p>
      <p class="hint" role="status">
        ${this.linkCopied ? this.t('login.inApp.copied') : this.t('login.inApp.hint')}
      </p>
    </div>`;
  }

  /** Icon-only buttons are for a header; the sign-in dialog always spells the names out. */
  private renderSignedOut(compact = this.compact) {
    // The app the page opened in is the device's: shown once the server's markup is adopted.
    if (this.inApp && !this.inAppDismissed && !this.serverDrawn)
      return this.renderInApp(this.inApp);
    return this.renderProviders(compact);
  }

  private renderSignedIn(user: SessionUser) {
    const picture = safeUrl(user.picture);
    const initial = [...user.name.trim()][0]?.toLocaleUpperCase(this.locale) ?? '?';
    return html`
      <div>
        <button
          part="account"
          type="button"
          aria-expanded=${String(this.menu.open)}
          aria-controls=${this.menu.id}
          aria-label=${this.compact ? this.t('login.account', { name: user.name }) : nothing}
          @click=${() => this.menu.toggle()}
          @pointerenter=${loadFloatingUi}
          @focus=${loadFloatingUi}
        >
          ${
            picture
              ? html`<img part="avatar" src=${picture} alt="" width="32" height="32" />`
              : html`<span part="avatar" aria-hidden="true">${initial}</span>`
          }
          ${this.compact ? nothing : html`<span part="name">${user.name}</span>`}
        </button>
        <div part="menu" id=${this.menu.id} ?hidden=${!this.menu.open}>
          <p class="who">${this.t('login.signedInAs', { name: user.name })}</p>
          ${
            this.config.api
              ? html`<button
                    part="download-data"
                    type="button"
                    aria-busy=${String(this.dataTask === 'download')}
                    ?disabled=${this.dataTask !== undefined}
                    @click=${() => void this.downloadData()}
                  >
                    ${this.t('login.myData.download')}
                  </button>
                  <button part="delete-data" type="button" @click=${() => this.askToDelete()}>
                    ${this.t('login.myData.delete')}
                  </button>`
              : nothing
          }
          <button part="sign-out" type="button" @click=${() => this.signOut()}>
            ${this.t('login.signOut')}
          </button>
          ${
            this.dataNews === 'failed' && !this.confirmDialog?.open
              ? html`<p part="error" role="alert">${this.t('login.myData.failed')}</p>`
              : nothing
          }
        </div>
      </div>
    `;
  }

  /** "Delete my data?": Cancel first (and on Escape), so nothing is lost by a slip. */
  private renderConfirmDelete() {
    const deleting = this.dataTask === 'delete';
    return html`<dialog
      part="confirm-delete"
      aria-labelledby="confirm-heading"
      aria-describedby="confirm-text"
      @close=${() => {
        if (this.dataNews === 'failed') this.dataNews = undefined;
      }}
    >
      <h2 id="confirm-heading">${this.t('login.myData.confirmTitle')}</h2>
      <p id="confirm-text">${this.t('login.myData.confirmText')}</p>
      <p class="status" role="status">${deleting ? this.t('login.myData.deleting') : nothing}</p>
      ${
        this.dataNews === 'failed'
          ? html`<p part="error" role="alert">${this.t('login.myData.failed')}</p>`
          : nothing
      }
      <p class="actions">
        <button
          part="cancel"
          class="action"
          type="button"
          ?disabled=${deleting}
          @click=${() => this.confirmDialog?.close()}
        >
          ${this.t('login.myData.cancel')}
        </button>
        <button
          part="confirm"
          class="action"
          type="button"
          aria-busy=${String(deleting)}
          ?disabled=${deleting}
          @click=${() => void this.deleteData()}
        >
          ${this.t('login.myData.confirm')}
        </button>
      </p>
    </dialog>`;
  }

  private renderDialog() {
    const heading = this.prompting?.reason ?? this.t('login.prompt');
    return html`<dialog
      part="dialog"
      aria-labelledby="prompt-heading"
      @close=${() => this.closePrompt()}
    >
      <h2 id="prompt-heading">${heading}</h2>
      ${this.prompting ? this.renderSignedOut(false) : nothing}
      <button class="link close" type="button" @click=${() => this.closePrompt()}>
        ${this.t('login.close')}
      </button>
    </dialog>`;
  }

  override render() {
    const { status, user } = this.session.value;
    if (this.hasAttribute('data-vitrine-prompt')) return this.renderDialog();
    return html`
      ${status === 'authenticated' && user ? this.renderSignedIn(user) : this.renderSignedOut()}
      <p class="status" role="status">
        ${this.dataNews === 'deleted' ? this.t('login.myData.deleted') : nothing}
      </p>
      ${this.renderDialog()} ${this.renderConfirmDelete()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-login': VitrineLogin;
  }
}
