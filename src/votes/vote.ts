import { html, isServer, nothing, svg, type PropertyValues, type PropertyDeclarations } from 'lit';
import { emit } from '../core/events.js';
import { formatNumber } from '../core/i18n/index.js';
import { translatePlural } from '../core/i18n/plural.js';
import { StoreKeyController, StoreSelectController } from '../core/store-controller.js';
import { shownValue } from '../core/device.js';
import { visuallyHidden } from '../core/tokens.styles.js';
import { VitrineElement } from '../core/vitrine-element.js';
import { localize } from '../core/i18n/index.js';
import { textAttribute, reflectedText } from '../core/attributes.js';
import { warn } from '../core/warn.js';
import {
  $products,
  isCampaignId,
  isProductId,
  registerProduct,
  sanitizeProduct,
} from '../stores/products.js';
import { $votes, campaignStore, castVote, clearVoteError, voteKey } from '../stores/votes.js';
import { includeMessages } from '../core/i18n/index.js';
import { votesMessages } from './messages/index.js';
import { styles } from './vote.styles.js';

includeMessages(votesMessages);

const star = (filled: boolean) =>
  svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill=${filled ? 'currentColor' : 'none'} stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" d="M12 3.2l2.7 5.6 6.1.8-4.5 4.2 1.1 6.1L12 17l-5.4 2.9 1.1-6.1-4.5-4.2 6.1-.8z"/></svg>`;

/**
 * @tag vitrine-vote
 * @summary A fan's vote for one product of a campaign, with the live count. An anonymous fan
 * is asked to sign in, and the vote goes through once they have; after the campaign closes
 * it shows the result instead of a button.
 *
 * @fires vitrine-vote - The fan's vote was counted or taken back. Detail `{campaign, productId, voted, count}`.
 *
 * @csspart button - The vote toggle (`aria-pressed`).
 * @csspart icon - The star.
 * @csspart label - The visible "Vote" label.
 * @csspart count - The live count.
 * @csspart result - The final count, once voting has closed.
 * @csspart error - Why the last vote did not go through.
 *
 * @cssprop --vitrine-vote-color-voted - Background of the toggle once voted (default: accent colour).
 * @cssprop --vitrine-vote-color-on-voted - Text colour of the toggle once voted.
 */
export class VitrineVote extends VitrineElement {
  static override styles = [VitrineElement.styles, visuallyHidden, styles];

  static override properties: PropertyDeclarations = {
    productId: { attribute: 'product-id', reflect: true, converter: reflectedText },
    campaign: { reflect: true, converter: reflectedText },
    name: {},
  };

  /** The product's id, as the campaign declares it. Required. Allowed: letters, digits and . _ : / @ + - (up to 128). */
  productId = '';
  /** The campaign's id on the back end. Required. Allowed: letters, digits and . _ : - (up to 64). */
  campaign = '';
  /** Product name for the accessible name ("Vote for …"). Allowed: any text, or JSON of language tags to texts (`{"en": "Moon Bag", "fr": "Sac Lune"}`), read in the page's language. Default: the campaign's name for it, else what the page knows of the product. */
  name = '';

  private valid = false;
  /** The ids last warned about, so one misconfiguration gives one warning. */
  private warnedFor: string | undefined;
  /** The toggle had focus when this update began (it may be replaced by the result). */
  private toggleFocused = false;
  private readonly votes = new StoreKeyController(this, $votes, () =>
    this.valid ? voteKey(this.campaign, this.productId) : undefined,
  );
  /** The campaign, kept live while the button is on the page. */
  private readonly state = new StoreSelectController(this, () =>
    this.valid ? campaignStore(this.campaign) : undefined,
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.toggleFocused =
      !isServer &&
      this.renderRoot.querySelector('[part~="button"]') !== null &&
      (this.renderRoot as ShadowRoot).activeElement?.matches('[part~="button"]') === true;
    if (changed.has('campaign') || changed.has('productId')) this.validate();
    // A name given in several languages follows the page's language.
    if ((changed.has('name') || this.locale !== this.namedIn) && this.valid && this.name.trim()) {
      this.namedIn = this.locale;
      const product = sanitizeProduct({ productId: this.productId, name: this.ownName });
      if (product) registerProduct(product);
    }
  }

  /** The language the name was last read in. */
  private namedIn: string | undefined;

  /** The `name` attribute, in the page's language when it gives several. */
  private get ownName(): string | undefined {
    return localize(textAttribute('vitrine-vote', 'name', this.name), this.locale)?.trim();
  }

  /** Checks the ids: a warning and a disabled button when one is wrong. */
  private validate(): void {
    this.valid = isCampaignId(this.campaign) && isProductId(this.productId);
    const ids = `${this.campaign}/${this.productId}`;
    if (!this.valid && this.warnedFor !== ids) {
      this.warnedFor = ids;
      warn(
        `<vitrine-vote> needs a campaign and a product-id (got ${JSON.stringify(this.campaign)}, ${JSON.stringify(this.productId)}); the button is disabled. Write campaign="next-icon" product-id="sac-lune", for example.`,
      );
    }
  }

  /** The name: the attribute's, else the campaign's (in the page's language), else the page's. */
  private get productName(): string {
    const id = this.productId;
    const declared = this.state.value?.products.find((product) => product.productId === id);
    return (
      this.ownName ||
      localize(declared?.name, this.locale) ||
      shownValue(this, $products)[id]?.name ||
      this.t('vote.unnamed')
    );
  }

  private async toggle(): Promise<void> {
    const current = this.votes.value;
    if (!this.valid || current?.pending) return;
    const { campaign, productId } = this;
    clearVoteError(campaign, productId);
    try {
      const result = await castVote(campaign, productId, !current?.voted, {
        reason: this.t('vote.signIn'),
      });
      emit(this, 'vitrine-vote', { campaign, productId, voted: result.voted, count: result.count });
    } catch {
      /* rolled back; the reason is in `$votes` and shown below the button */
    }
  }

  override render() {
    const campaign = this.state.value;
    const votes = this.votes.value;
    const count = votes?.count ?? 0;
    const countText = translatePlural(this.locale, 'vote.count', { count });
    const error = votes?.error
      ? html`<p part="error" role="alert">${this.t(`vote.error.${votes.error}`)}</p>`
      : nothing;
    if (campaign?.closed) {
      // tabindex: focus lands here when the toggle it replaces had it (a vote refused as late).
      return html`<p part="result" tabindex="-1">
          ${countText}<span class="note"> · ${this.t('vote.closed')}</span>
          ${votes?.voted ? html`<span class="note"> · ${this.t('vote.youVoted')}</span>` : nothing}
        </p>
        ${error}`;
    }
    const status = campaign?.status;
    if (
      !this.valid ||
      status === 'no_api' ||
      status === 'not_found' ||
      (status === 'unavailable' && !votes)
    ) {
      return html`<p part="result" class="note">${this.t('vote.unavailable')}</p>`;
    }
    const loaded =
      status === 'live' || status === 'reconnecting' || (campaign?.products.length ?? 0) > 0;
    if (campaign && loaded && !votes) {
      warn(
        `<vitrine-vote> product "${this.productId}" is not in campaign "${this.campaign}".`,
        `vote-product-${this.campaign}/${this.productId}`,
      );
      return html`<p part="result" class="note">${this.t('vote.error.not_found')}</p>`;
    }
    const ready = this.valid && votes !== undefined;
    return html`
      <button
        part="button"
        type="button"
        aria-pressed=${votes?.voted ? 'true' : 'false'}
        aria-busy=${votes?.pending ? 'true' : 'false'}
        aria-label=${this.t('vote.label', { name: this.productName })}
        aria-describedby="count"
        ?disabled=${!ready}
        @click=${this.toggle}
      >
        <span part="icon">${star(votes?.voted === true)}</span>
        <span part="label">${this.t('vote.button')}</span>
      </button>
      <span part="count" id="count">
        <span aria-hidden="true">${ready ? formatNumber(this.locale, count) : '–'}</span>
        <span class="visually-hidden">${ready ? countText : this.t('vote.loading')}</span>
      </span>
      ${error}
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.toggleFocused && !this.renderRoot.querySelector('[part~="button"]')) {
      this.renderRoot.querySelector<HTMLElement>('[part="result"]')?.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-vote': VitrineVote;
  }
}
