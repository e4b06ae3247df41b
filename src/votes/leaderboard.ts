import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { formatNumber, localize } from '../core/i18n/index.js';
import { translatePlural } from '../core/i18n/plural.js';
import { safeUrl } from '../core/safe-url.js';
import { StoreController, StoreSelectController } from '../core/store-controller.js';
import { visuallyHidden } from '../core/tokens.styles.js';
import {
  booleanAttribute,
  headingLevel,
  warnAttribute,
  reflectedText,
} from '../core/attributes.js';
import { ReorderController } from '../core/reorder-controller.js';
import { VitrineElement } from '../core/vitrine-element.js';
import { warn } from '../core/warn.js';
import { $products } from '../stores/products.js';
import { $votes, campaignStore, isCampaignId, voteKey } from '../stores/votes.js';
import { styles } from './leaderboard.styles.js';
import { includeMessages } from '../core/i18n/index.js';
import { votesMessages } from './messages/index.js';

includeMessages(votesMessages);

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

interface Row {
  productId: string;
  name: string;
  image: string | undefined;
  count: number;
  /** Competition rank (1, 1, 3…): pieces with as many votes share a place; none without votes. */
  rank: number | undefined;
}

/**
 * @tag vitrine-leaderboard
 * @summary The products of a fan vote, ranked by live count, with progress towards a goal
 * (LEGO Ideas style) and the result once voting has closed.
 *
 * @csspart title - The campaign's title.
 * @csspart status - Closing date, "closed", "reconnecting" or "counts hidden".
 * @csspart list - The ranked list.
 * @csspart item - Each product (also `winner` for the first once closed, `reached` at the goal).
 * @csspart rank - The position.
 * @csspart image - The product's picture, when the page or the campaign gives one.
 * @csspart name - The product's name.
 * @csspart count - The product's count.
 * @csspart progress - The bar towards the goal.
 *
 * @cssprop --vitrine-leaderboard-bar - Colour of the progress bars (default: accent colour).
 * @cssprop --vitrine-leaderboard-track - Colour of the progress track (default: border colour).
 */
export class VitrineLeaderboard extends VitrineElement {
  static override styles = [VitrineElement.styles, visuallyHidden, styles];

  static override properties: PropertyDeclarations = {
    campaign: { reflect: true, converter: reflectedText },
    limit: {},
    goal: {},
    hideCounts: {
      type: Boolean,
      attribute: 'hide-counts',
      converter: booleanAttribute('vitrine-leaderboard', 'hide-counts'),
    },
    closesAt: { attribute: 'closes-at' },
    headingLevel: { attribute: 'heading-level' },
    summary: { state: true, attribute: false },
  };

  /** The campaign's id on the back end. Required. Allowed: letters, digits and . _ : - (up to 64). */
  campaign = '';
  /** How many products to show. Allowed: 1 to 100. Default: 10. */
  limit = '';
  /** Votes each product needs (overrides the campaign's `goal`); shows progress bars. Allowed: a whole number, 1 or more. Default: the campaign's `goal`, else no bars. */
  goal = '';
  /** Hides counts and ranking while voting is open (products in the campaign's order). */
  hideCounts = false;
  /** When voting closes, if the page knows better than the back end. Allowed: an ISO 8601 date (`2026-06-30T18:00:00Z`). Default: the campaign's `closesAt`. */
  closesAt = '';
  /** Heading level of the title, to fit the page's outline. Allowed: 1 to 6. Default: 2. */
  headingLevel = '';

  /** What screen readers hear: the leader when it changes, not every count. */
  private summary = '';

  private readonly votes = new StoreController(this, $votes);
  /** Names and pictures follow the page: a language switch renames the products at once. */
  private readonly products = new StoreController(this, $products);
  /** The campaign, kept live while the leaderboard is on the page. */
  private readonly state = new StoreSelectController(this, () =>
    isCampaignId(this.campaign) ? campaignStore(this.campaign) : undefined,
  );
  private closingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Who led at the last update: `null` nobody yet, `undefined` before the campaign loaded. */
  private leader: string | null | undefined;
  private readonly reorder = new ReorderController(
    this,
    () =>
      [...this.renderRoot.querySelectorAll<HTMLElement>('[data-product]')].map(
        (item) => [item.dataset.product!, item] as [string, HTMLElement],
      ),
    () => this.ranking.map((row) => row.productId),
  );
  /** The rows this update shows, worked out once in `willUpdate`. */
  private ranking: Row[] = [];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.closingTimer);
  }

  /** A campaign id, or a warning (once per value) that says nothing will show. */
  private checkCampaign(): void {
    if (isCampaignId(this.campaign)) return;
    warn(
      `<vitrine-leaderboard> needs a campaign id (got ${JSON.stringify(this.campaign)}); no ranking is shown. Write campaign="next-icon", for example.`,
      `leaderboard-campaign-${this.campaign}`,
    );
  }

  /** `limit` and `goal` as read when they were set (checked then, not when data arrives). */
  private shownLimit = DEFAULT_LIMIT;
  private ownGoal: number | undefined;

  /** A whole-number attribute from `min` to `max`; `undefined` (after a warning) otherwise. */
  private number(name: string, value: string, min: number, max: number, instead: string) {
    if (value === '') return undefined;
    const parsed = Number(value);
    if (Number.isInteger(parsed) && parsed >= min && parsed <= max) return parsed;
    warnAttribute('vitrine-leaderboard', name, value, {
      expected:
        max === Number.MAX_SAFE_INTEGER
          ? `a whole number, ${min} or more`
          : `a whole number from ${min} to ${max}`,
      instead,
      example: `${name}="${name === 'limit' ? 5 : 1000}"`,
    });
    return undefined;
  }

  private get closesAtMs(): number | undefined {
    if (this.closesAt === '') return this.state.value?.closesAt;
    const time = Date.parse(this.closesAt);
    if (Number.isFinite(time)) return time;
    warn(
      `<vitrine-leaderboard> closes-at="${this.closesAt}" is not a date; ignored.`,
      `leaderboard-closes-at-${this.closesAt}`,
    );
    return this.state.value?.closesAt;
  }

  private get closed(): boolean {
    const closesAt = this.closesAtMs;
    return this.state.value?.closed === true || (closesAt !== undefined && closesAt <= Date.now());
  }

  private rows(hidden: boolean): Row[] {
    const campaign = this.state.value;
    if (!campaign) return [];
    const votes = this.votes.value;
    const products = this.products.value;
    const rows: Row[] = campaign.products.map((product) => {
      const known = products[product.productId];
      return {
        productId: product.productId,
        name: localize(product.name, this.locale) ?? known?.name ?? product.productId,
        image: safeUrl(known?.image),
        count: votes[voteKey(campaign.id, product.productId)]?.count ?? 0,
        rank: undefined,
      };
    });
    // Ties keep the campaign's order (the sort is stable).
    if (!hidden) rows.sort((a, b) => b.count - a.count);
    rows.forEach((row, index) => {
      if (hidden || row.count === 0) return;
      row.rank =
        index > 0 && rows[index - 1]!.count === row.count ? rows[index - 1]!.rank : index + 1;
    });
    return rows.slice(0, this.shownLimit);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('campaign')) this.checkCampaign();
    if (changed.has('limit')) {
      const instead = `the first ${DEFAULT_LIMIT} products are shown`;
      this.shownLimit = this.number('limit', this.limit, 1, MAX_LIMIT, instead) ?? DEFAULT_LIMIT;
    }
    if (changed.has('goal')) {
      const instead = "the campaign's own goal is used, if it has one";
      this.ownGoal = this.number('goal', this.goal, 1, Number.MAX_SAFE_INTEGER, instead);
    }
    if (changed.has('closesAt') || changed.has('campaign')) this.scheduleClosing();
    this.ranking = this.rows(this.hideCounts && !this.closed);
    this.announceLeader();
  }

  /** Re-renders when the page's own `closes-at` passes. */
  private scheduleClosing(): void {
    clearTimeout(this.closingTimer);
    const wait = (this.closesAtMs ?? Infinity) - Date.now();
    if (wait > 0 && wait < 2 ** 31 - 1) {
      this.closingTimer = setTimeout(() => this.requestUpdate(), wait);
    }
  }

  private announceLeader(): void {
    if (!this.state.value?.products.length) return;
    const hidden = this.hideCounts && !this.closed;
    const [first] = hidden ? [] : this.ranking;
    const key = first && first.count > 0 ? `${first.productId}|${this.closed}` : null;
    if (key === this.leader) return;
    // The leader when the list first shows is on screen already; only a change is news.
    const announce = this.leader !== undefined;
    this.leader = key;
    if (!announce || !first || key === null) return;
    const votes = translatePlural(this.locale, 'vote.count', { count: first.count });
    const message = this.closed ? 'leaderboard.winner' : 'leaderboard.leads';
    this.summary = this.t(message, { name: first.name, votes });
  }

  private renderStatus(hidden: boolean) {
    const campaign = this.state.value;
    if (this.closed) return this.t('leaderboard.closed');
    if (campaign?.status === 'reconnecting') return this.t('leaderboard.reconnecting');
    if (hidden) return this.t('leaderboard.countsHidden');
    const closesAt = this.closesAtMs;
    if (closesAt === undefined) return '';
    const date = new Intl.DateTimeFormat(this.locale, { dateStyle: 'long' }).format(closesAt);
    return this.t('leaderboard.closesOn', { date });
  }

  private renderRow(row: Row, hidden: boolean, goal: number | undefined, withImages: boolean) {
    const closed = this.closed;
    const reached = goal !== undefined && row.count >= goal;
    const parts = ['item', closed && row.rank === 1 ? 'winner' : '', reached ? 'reached' : '']
      .filter(Boolean)
      .join(' ');
    const countText = translatePlural(this.locale, 'vote.count', { count: row.count });
    return html`<li part=${parts} data-product=${row.productId}>
      ${hidden ? nothing : html`<span part="rank" aria-hidden="true">${row.rank ?? ''}</span>`}
      ${
        row.image
          ? html`<img part="image" src=${row.image} alt="" width="40" height="40" loading="lazy" />`
          : withImages
            ? html`<span part="image" class="no-image"></span>`
            : nothing
      }
      <span class="label"
        ><span part="name">${row.name}</span>${
          reached ? html` <span class="badge">${this.t('leaderboard.goalReached')}</span>` : nothing
        }</span
      >
      ${
        hidden
          ? nothing
          : html`<span part="count"
              ><span aria-hidden="true">${formatNumber(this.locale, row.count)}</span
              ><span class="visually-hidden">${countText}</span></span
            >`
      }
      ${
        goal !== undefined && !hidden
          ? html`<progress
              part="progress"
              aria-label=${row.name}
              max=${goal}
              .value=${Math.min(row.count, goal)}
              aria-valuetext=${
                reached
                  ? this.t('leaderboard.goalReached')
                  : this.t('leaderboard.goal', {
                      count: formatNumber(this.locale, row.count),
                      goal: formatNumber(this.locale, goal),
                    })
              }
            ></progress>`
          : nothing
      }
    </li>`;
  }

  override render() {
    const campaign = this.state.value;
    const level = headingLevel('vitrine-leaderboard', this.headingLevel);
    const title = localize(campaign?.title, this.locale) ?? this.t('leaderboard.label');
    const status = campaign?.status;
    if (!campaign || status === 'no_api' || status === 'not_found' || status === 'loading') {
      const message =
        status === 'loading' || (!campaign && isCampaignId(this.campaign))
          ? this.t('vote.loading')
          : this.t('leaderboard.unavailable');
      return html`<p part="status" role="status">${message}</p>`;
    }
    const hidden = this.hideCounts && !this.closed;
    const goal = this.ownGoal ?? campaign.goal;
    const rows = this.ranking;
    const statusText = this.renderStatus(hidden);
    // One picture in the list keeps a picture column for every row, so the names line up.
    const withImages = rows.some((row) => row.image !== undefined);
    return html`
      <div part="title" role="heading" aria-level=${level}>${title}</div>
      ${statusText ? html`<p part="status">${statusText}</p>` : nothing}
      ${
        rows.length === 0
          ? html`<p part="status">${this.t('leaderboard.empty')}</p>`
          : html`<ol
              part="list"
              aria-label=${title}
              ?data-hidden-counts=${hidden}
              ?data-images=${withImages}
            >
              ${rows.map((row) => this.renderRow(row, hidden, goal, withImages))}
            </ol>`
      }
      <p class="visually-hidden" aria-live="polite">${this.summary}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-leaderboard': VitrineLeaderboard;
  }
}
