import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import 'vitrine/stories';
import type { BuiltInLocale as Locale } from 'vitrine/stores';
import { inShadow, rendered } from '../dom.js';
import { handbag } from '../fixtures.js';
import { campaignId, forgetVotes, showCampaign } from '../votes/campaign.js';
import { copy, heritage, media, slides } from './heritage.js';

interface Args {
  autoplay: boolean;
  duration: number;
  loop: boolean;
  label: string;
  campaign: string;
  src: string;
}

/** A feed bundled as a file of its own: the carousel fetches it as it would a brand's. */
const feed = new URL('../assets/stories-feed.json', import.meta.url).href;

const carousel = (args: Args, content: TemplateResult | typeof nothing) => html`
  <vitrine-stories
    style="width: 22rem"
    ?autoplay=${args.autoplay}
    duration=${args.duration}
    ?loop=${args.loop}
    label=${args.label}
    campaign=${args.campaign}
    src=${args.src}
  >
    ${content}
  </vitrine-stories>
`;

const localeOf = (globals: Record<string, unknown>) => globals.locale as Locale;

/** Waits until the slide `id` is the one shown. */
const showing = (canvas: HTMLElement, id: string) =>
  waitFor(() => expect(canvas.querySelector(`#${id}`)).toHaveAttribute('position', 'current'));

/** Keyboard focus on a control inside the carousel, where its keys are read. */
async function focusInside(canvas: HTMLElement): Promise<void> {
  (await inShadow(canvas, 'vitrine-stories', '[part="next"]')).focus();
}

/** Goes to the workshop slide and, once it has slid into place, taps the bag's tag. */
async function openHandbagCard(canvas: HTMLElement): Promise<HTMLElement> {
  await userEvent.click(await inShadow(canvas, 'vitrine-stories', '[part="next"]'));
  await showing(canvas, 'atelier');
  const slide = canvas.querySelector('#atelier');
  await waitFor(() => expect(slide?.getAnimations()).toHaveLength(0));
  await userEvent.click(await inShadow(canvas, 'vitrine-hotspot', '[part="tag"]'));
  await rendered(canvas, 'vitrine-hotspot');
  return inShadow(canvas, 'vitrine-hotspot', '[part="card"]');
}

/**
 * The house's heritage as stories: text, pictures and a video, with shoppable tags. Click the
 * right of a slide to go on, the left to go back, press and hold to pause; with focus inside,
 * ArrowLeft/ArrowRight, Home/End and Space. Pictures and video are bundled with the stories
 * and load only when their slide comes near. So that a page of examples does not run them
 * all at once, `autoplay` is off except where the rotation is the point of the story.
 */
const meta: Meta<Args> = {
  title: 'Stories/Stories',
  component: 'vitrine-stories',
  args: {
    autoplay: false,
    duration: 5,
    loop: false,
    label: copy.en.label,
    campaign: '',
    src: '',
  },
  argTypes: { duration: { control: { type: 'number', min: 1, max: 120 } } },
  render: (args, { globals }) => carousel(args, heritage(localeOf(globals))),
  beforeEach: forgetVotes,
  parameters: {
    actions: {
      handles: [
        'vitrine-story-change',
        'vitrine-hotspot-open',
        'vitrine-hotspot-close',
        'vitrine-wishlist-change',
      ],
    },
    docs: { story: { iframeHeight: 680 } },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Each slide is a group named "1 of 5" inside a carousel named by `label`. */
export const Heritage: Story = {
  play: async ({ canvasElement }) => {
    const first = canvasElement.querySelector('vitrine-story');
    await waitFor(() => expect(first).toHaveAttribute('aria-label', '1 of 5'));
    await expect(first).toHaveAttribute('role', 'group');
    const base = await inShadow(canvasElement, 'vitrine-stories', '[part="base"]');
    await expect(base).toHaveAccessibleName(copy.en.label);
  },
};

/** Pictures given as `data-src`: only the one shown and its neighbours are loaded. */
export const ImageSlides: Story = {
  render: (args, { globals }) => {
    const s = slides(localeOf(globals));
    return carousel(args, html`${s.atelier}${s.nuit}`);
  },
  play: async ({ canvasElement }) => {
    const picture = canvasElement.querySelector('#atelier img');
    await waitFor(() => expect(picture).toHaveAttribute('src', media.atelier));
  },
};

/**
 * A video plays muted and inline while the slides rotate, for its own length; its time starts
 * only once it can play. The rotation is on here: a video never plays while it is off.
 */
export const VideoSlide: Story = {
  args: { autoplay: true },
  render: (args, { globals }) => {
    const s = slides(localeOf(globals));
    return carousel(args, html`${s.silk}${s.nuit}`);
  },
  play: async ({ canvasElement }) => {
    const video = canvasElement.querySelector<HTMLVideoElement>('#silk video');
    await waitFor(() => expect(video).toHaveAttribute('src', media.silk));
    await expect(video?.muted).toBe(true);
    await expect(video?.playsInline).toBe(true);
  },
};

/** Text as text: the page styles it like the rest of its copy. */
export const TextSlides: Story = {
  render: (args, { globals }) => {
    const s = slides(localeOf(globals));
    return carousel(args, html`${s.since}${s.turn}`);
  },
};

/**
 * The slides move on by themselves, each for `duration` seconds, and start again after the
 * last with `loop`. The rotation button comes first and stops them; pointing at the carousel,
 * opening a card, pressing and holding, scrolling it away or leaving the tab pause them, and
 * keyboard focus inside stops them for good. While they rotate, slide changes are not announced.
 */
export const Autoplay: Story = {
  args: { autoplay: true, loop: true, duration: 4 },
  play: async ({ canvasElement }) => {
    const rotation = await inShadow(canvasElement, 'vitrine-stories', '[part="rotation"]');
    await expect(rotation).toHaveAccessibleName('Stop automatic slide show');
  },
};

/**
 * The rotation button stopped the slides: the current bar holds where it was, and slide changes
 * are announced again.
 */
export const Paused: Story = {
  args: { autoplay: true, loop: true },
  play: async ({ canvasElement }) => {
    const rotation = await inShadow(canvasElement, 'vitrine-stories', '[part="rotation"]');
    await userEvent.click(rotation);
    await rendered(canvasElement, 'vitrine-stories');
    await expect(rotation).toHaveAccessibleName('Start automatic slide show');
    const viewport = await inShadow(canvasElement, 'vitrine-stories', '[part="viewport"]');
    await expect(viewport).toHaveAttribute('aria-live', 'polite');
  },
};

/**
 * Under `prefers-reduced-motion: reduce` (the system's setting, or the browser's rendering
 * emulation) nothing moves on its own, despite `autoplay`, and slides change without sliding.
 * A story cannot turn that setting on: this one shows the state the carousel starts in under
 * it, stopping the rotation itself when the setting is off. The fan can still start the slides
 * with the rotation button.
 */
export const ReducedMotion: Story = {
  args: { autoplay: true, loop: true },
  play: async ({ canvasElement }) => {
    const rotation = await inShadow(canvasElement, 'vitrine-stories', '[part="rotation"]');
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches) await userEvent.click(rotation);
    await rendered(canvasElement, 'vitrine-stories');
    await expect(rotation).toHaveAccessibleName('Start automatic slide show');
  },
};

/** Without `loop` the slides stop at the last one, where "Next slide" is dimmed but focusable. */
export const AtTheEnd: Story = {
  play: async ({ canvasElement }) => {
    await focusInside(canvasElement);
    await userEvent.keyboard('{End}');
    await showing(canvasElement, 'your-turn');
    const next = await inShadow(canvasElement, 'vitrine-stories', '[part="next"]');
    await expect(next).toHaveAttribute('aria-disabled', 'true');
  },
};

/**
 * The same slides in a modal dialog over the page: focus stays inside, Escape or the button
 * leaves it, and focus returns to the button that opened it.
 */
export const Fullscreen: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'vitrine-stories', '[part="fullscreen"]'));
    const dialog = await inShadow<HTMLDialogElement>(canvasElement, 'vitrine-stories', 'dialog');
    await waitFor(() => expect(dialog.open).toBe(true));
    await expect(dialog.matches(':modal')).toBe(true);
    await expect(dialog).toHaveAccessibleName(copy.en.label);
    const exit = await inShadow(canvasElement, 'vitrine-stories', '[part="fullscreen"]');
    await expect(exit).toHaveAccessibleName('Exit full screen');
    await expect(exit.getRootNode()).toHaveProperty('activeElement', exit);
  },
};

/**
 * A feed (`src`) builds the slides from JSON: each slide is checked, texts stay text, and the
 * feed's `label` names the carousel when the page gives none. This feed's slides are text:
 * pictures in a feed are URLs the brand serves, and Storybook renames the files it bundles, so
 * a static feed cannot point at them.
 */
export const Feed: Story = {
  args: { src: feed, label: '' },
  render: (args) => html`
    <style>
      /* The feed's headings are the page's to style. */
      .vitrine-story-heading {
        margin: 0 0 0.5rem;
        font:
          2.25rem/1.1 Georgia,
          serif;
      }
    </style>
    ${carousel(args, nothing)}
  `,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('vitrine-story')).toHaveLength(3));
    const base = await inShadow(canvasElement, 'vitrine-stories', '[part="base"]');
    await expect(base).toHaveAccessibleName('The Riviera capsule');
  },
};

/**
 * A feed that is not JSON (here, a picture), unreachable or over 512 KB: a clear message
 * instead of slides, and a console warning with the reason.
 */
export const BrokenFeed: Story = {
  args: { src: media.atelier, label: '' },
  render: (args) => carousel(args, nothing),
  play: async ({ canvasElement }) => {
    const empty = await inShadow(canvasElement, 'vitrine-stories', '[part="empty"]');
    // "Loading stories…" first, in the same place.
    await waitFor(() =>
      expect(empty).toHaveTextContent('These stories cannot be shown right now.'),
    );
  },
};

/**
 * With `campaign`, each tag's card has a vote button beside the heart. Story-only shortcut:
 * there is no back end here, so the campaign's counts are put into the page's stores as the
 * vote stories do (see stories/votes/campaign.ts).
 */
export const Campaign: Story = {
  args: { campaign: campaignId },
  beforeEach: showCampaign(),
  play: async ({ canvasElement }) => {
    const card = await openHandbagCard(canvasElement);
    const vote = await waitFor(() => {
      const button = card.querySelector('vitrine-vote')?.shadowRoot?.querySelector('button');
      if (!button) throw new Error('no vote button in the card');
      return button;
    });
    await expect(vote).toHaveAccessibleName(`Vote for ${handbag.name}`);
  },
};

/**
 * No shortcut here: without `api` on `<vitrine-config>`, the card says voting is unavailable,
 * as it would on a page whose back end is not set up, and the console says why.
 */
export const CampaignWithoutBackEnd: Story = {
  args: { campaign: campaignId },
  play: async ({ canvasElement }) => {
    const card = await openHandbagCard(canvasElement);
    await waitFor(() =>
      expect(card.querySelector('vitrine-vote')?.shadowRoot?.textContent).toContain(
        'Voting is unavailable',
      ),
    );
  },
};

/** A duration outside 1 to 120 seconds: a console warning, and 5 seconds a slide. */
export const InvalidDuration: Story = { args: { duration: 0 } };

export const Dark: Story = { ...TextSlides, globals: { theme: 'dark' } };

/** The controls and progress bars mirror; ArrowLeft goes on, and tapping the right goes back. */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  play: async ({ canvasElement }) => {
    await focusInside(canvasElement);
    await userEvent.keyboard('{ArrowLeft}');
    await showing(canvasElement, 'atelier');
  },
};

/** The slides' names and the controls' labels follow the page's language. */
export const French: Story = {
  args: { label: copy.fr.label },
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    const first = canvasElement.querySelector('vitrine-story');
    await waitFor(() => expect(first).toHaveAttribute('aria-label', '1 sur 5'));
    const next = await inShadow(canvasElement, 'vitrine-stories', '[part="next"]');
    await expect(next).toHaveAccessibleName('Diapositive suivante');
  },
};

export const English: Story = { globals: { locale: 'en' } };

export const SimplifiedChinese: Story = {
  args: { label: copy['zh-Hans'].label },
  globals: { locale: 'zh-Hans' },
  play: async ({ canvasElement }) => {
    const first = canvasElement.querySelector('vitrine-story');
    await waitFor(() => expect(first).toHaveAttribute('aria-label', '第 1 张，共 5 张'));
    const next = await inShadow(canvasElement, 'vitrine-stories', '[part="next"]');
    await expect(next).toHaveAccessibleName('下一张');
  },
};

export const TraditionalChinese: Story = {
  args: { label: copy['zh-Hant'].label },
  globals: { locale: 'zh-Hant' },
  play: async ({ canvasElement }) => {
    const first = canvasElement.querySelector('vitrine-story');
    await waitFor(() => expect(first).toHaveAttribute('aria-label', '第 1 張，共 5 張'));
    const next = await inShadow(canvasElement, 'vitrine-stories', '[part="next"]');
    await expect(next).toHaveAccessibleName('下一張');
  },
};

export const Japanese: Story = {
  args: { label: copy['ja'].label },
  globals: { locale: 'ja' },
  play: async ({ canvasElement }) => {
    const first = canvasElement.querySelector('vitrine-story');
    await waitFor(() => expect(first).toHaveAttribute('aria-label', '5 枚中 1 枚目'));
    const next = await inShadow(canvasElement, 'vitrine-stories', '[part="next"]');
    await expect(next).toHaveAccessibleName('次のスライド');
  },
};

export const Korean: Story = {
  args: { label: copy['ko'].label },
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    const first = canvasElement.querySelector('vitrine-story');
    await waitFor(() => expect(first).toHaveAttribute('aria-label', '5개 중 1번째'));
    const next = await inShadow(canvasElement, 'vitrine-stories', '[part="next"]');
    await expect(next).toHaveAccessibleName('다음 슬라이드');
  },
};

const arabic = new Intl.NumberFormat('ar');

/** Arabic reads right to left: the controls mirror and ArrowLeft goes on. */
export const Arabic: Story = {
  args: { label: copy['ar'].label },
  globals: { locale: 'ar', direction: 'rtl' },
  play: async ({ canvasElement }) => {
    const first = canvasElement.querySelector('vitrine-story');
    await waitFor(() =>
      expect(first).toHaveAttribute('aria-label', `${arabic.format(1)} من ${arabic.format(5)}`),
    );
    const next = await inShadow(canvasElement, 'vitrine-stories', '[part="next"]');
    await expect(next).toHaveAccessibleName('الشريحة التالية');
  },
};
