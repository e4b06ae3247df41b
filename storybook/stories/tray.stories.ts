import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import 'vitrine/stories';
// The tray's own store, loaded with it (not part of `vitrine/stores`, which every page loads).
import { clearStoriesSeen, markStorySeen } from '../../src/stores/story-seen.js';
import { inShadow } from '../dom.js';
import { media } from './heritage.js';

interface Args {
  label: string;
}

/** One group: its cover and slides whose media wait in `data-src` until the group opens. */
const group = (id: string, label: string, cover: string, slides: string[]) => html`
  <vitrine-stories id=${id} label=${label} cover=${cover}>
    ${slides.map((src, i) =>
      src === media.silk
        ? html`<vitrine-story id=${`${id}-${i + 1}`}
            ><video data-src=${src} width="360" height="640"></video
          ></vitrine-story>`
        : html`<vitrine-story id=${`${id}-${i + 1}`}
            ><img data-src=${src} alt=${`${label}, ${i + 1}`} width="360" height="640"
          /></vitrine-story>`,
    )}
  </vitrine-stories>
`;

const tray = (args: Args) => html`
  <vitrine-story-tray label=${args.label}>
    ${group('heritage', 'Heritage', media.atelier, [media.atelier, media.nuit, media.atelier])}
    ${group('atelier', 'Atelier', media.nuit, [media.nuit, media.silk])}
    ${group('capsule', 'Capsule', media.atelier, [media.atelier, media.nuit])}
    ${group('paris', 'Paris', media.nuit, [media.nuit])}
  </vitrine-story-tray>
`;

/**
 * The house's stories as a row of round covers, ringed while a group has slides not seen. A
 * tap opens the group full screen and runs on into the next one; Escape, a swipe down or the
 * close button closes it. Seen slides are remembered on the device.
 */
const meta: Meta<Args> = {
  title: 'Stories/Story tray',
  component: 'vitrine-story-tray',
  args: { label: 'The house' },
  render: (args) => tray(args),
  beforeEach: () => clearStoriesSeen(),
  parameters: {
    actions: { handles: ['vitrine-story-view', 'vitrine-story-complete', 'vitrine-share'] },
    docs: { story: { iframeHeight: 420 } },
  },
};
export default meta;

type Story = StoryObj<Args>;

const cover = (canvas: HTMLElement, index: number) =>
  inShadow(canvas, 'vitrine-story-tray', `[part~="cover"][data-index="${index}"]`);

/** Every group new: each cover named with what it holds ("Heritage, 3 new"). */
export const Tray: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(async () =>
      expect(await cover(canvasElement, 0)).toHaveAccessibleName('Heritage, 3 new'),
    );
  },
};

/** Heritage partly seen, Paris seen to the end: its ring is a thin line. */
export const PartlySeen: Story = {
  beforeEach: () => {
    clearStoriesSeen();
    markStorySeen('heritage', 'heritage-1');
    markStorySeen('paris', 'paris-1');
  },
  play: async ({ canvasElement }) => {
    await waitFor(async () =>
      expect(await cover(canvasElement, 0)).toHaveAccessibleName('Heritage, 2 new'),
    );
    await expect(await cover(canvasElement, 3)).toHaveAccessibleName('Paris');
  },
};

/** A group open full screen, the keyboard on the close button. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await cover(canvasElement, 1));
    const dialog = await inShadow<HTMLDialogElement>(canvasElement, 'vitrine-story-tray', 'dialog');
    await waitFor(() => expect(dialog.open).toBe(true));
  },
};

/** Right to left: the row starts on the right, and the arrows follow it. */
export const RightToLeft: Story = {
  render: (args) => html`<div dir="rtl">${tray(args)}</div>`,
};

/** A feed bundled as a file of its own: the tray's group fetches it as it would a brand's. */
const feed = new URL('../assets/stories-feed.json', import.meta.url).href;

/** The feed's headings are the page's to style. */
const headings = html`<style>
  .vitrine-story-heading {
    margin: 0 0 0.5rem;
    font:
      2.25rem/1.1 Georgia,
      serif;
  }
</style>`;

/**
 * Groups from feeds (`<vitrine-stories src="…">`): nothing of a feed is fetched until the fan
 * opens its group, so its cover says "new" until then; once read, it counts what is not seen.
 */
export const FromFeeds: Story = {
  render: (args) => html`
    ${headings}
    <vitrine-story-tray label=${args.label}>
      <vitrine-stories
        id="riviera"
        label="Riviera"
        cover=${media.nuit}
        src=${feed}
      ></vitrine-stories>
      ${group('heritage', 'Heritage', media.atelier, [media.atelier, media.nuit, media.atelier])}
    </vitrine-story-tray>
  `,
  play: async ({ canvasElement }) => {
    await waitFor(async () =>
      expect(await cover(canvasElement, 0)).toHaveAccessibleName('Riviera, new'),
    );
    await userEvent.click(await cover(canvasElement, 0));
    await waitFor(() =>
      expect(canvasElement.querySelectorAll('#riviera > vitrine-story')).toHaveLength(3),
    );
    await waitFor(async () =>
      expect(await cover(canvasElement, 0)).toHaveAccessibleName('Riviera, 2 new'),
    );
  },
};

/**
 * A group whose feed cannot be read (here a picture where the JSON should be; a missing or
 * hostile feed alike): once opened, a clear message and a console warning with the reason.
 * The fan closes the dialog, or taps on to the next group.
 */
export const UnreadableFeed: Story = {
  render: (args) => html`
    <vitrine-story-tray label=${args.label}>
      <vitrine-stories
        id="archive"
        label="Archive"
        cover=${media.nuit}
        src=${media.atelier}
      ></vitrine-stories>
      ${group('atelier', 'Atelier', media.nuit, [media.nuit, media.atelier])}
    </vitrine-story-tray>
  `,
  play: async ({ canvasElement }) => {
    const archive = await waitFor(() => cover(canvasElement, 0));
    await expect(archive).toHaveAccessibleName('Archive, new');
    await userEvent.click(archive);
    const group = canvasElement.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>(
      '#archive',
    )!;
    await waitFor(async () => {
      await group.updateComplete;
      await expect(group.shadowRoot?.querySelector('[part="empty"]')).toHaveTextContent(
        'These stories cannot be shown right now.',
      );
    });
  },
};
