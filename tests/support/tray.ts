// A stories tray as a brand writes it, and what the tray tests read of it.
import { fixture, html } from '@open-wc/testing';
import type { VitrineStories } from '../../src/stories/stories.js';
import type { VitrineStory } from '../../src/stories/story.js';
import type { VitrineStoryTray } from '../../src/stories/tray.js';
import { until } from './helpers.js';

export const picture = (query: string) => `/__stories/picture.svg?${query}`;
export const FILM = '/demo/public/stories/silk.webm';

export interface GroupSpec {
  id: string;
  label: string;
  slides: number;
  video?: boolean;
  /** Its slides from this feed (then `slides` is not used). */
  src?: string;
}

/** A group as a brand writes it in a tray: every slide's media waits in `data-src`. */
const group = ({ id, label, slides, video = false, src }: GroupSpec, tag: string) =>
  src
    ? html`<vitrine-stories
        id=${id}
        label=${label}
        cover=${picture(`cover=${id}&${tag}`)}
        src=${src}
        duration="120"
      ></vitrine-stories>`
    : html`<vitrine-stories
        id=${id}
        label=${label}
        cover=${picture(`cover=${id}&${tag}`)}
        duration="120"
      >
        ${Array.from({ length: slides }, (_, i) =>
          video && i === 0
            ? html`<vitrine-story id=${`${id}-${i + 1}`}
                ><video data-src=${FILM} preload="none" width="360" height="640"></video
              ></vitrine-story>`
            : html`<vitrine-story id=${`${id}-${i + 1}`}
                ><img
                  data-src=${picture(`slide=${id}-${i + 1}&${tag}`)}
                  alt=${`${label}, picture ${i + 1}`}
                  width="90"
                  height="160"
              /></vitrine-story>`,
        )}
      </vitrine-stories>`;

export const HOUSE: GroupSpec[] = [
  { id: 'heritage', label: 'Heritage', slides: 3 },
  { id: 'atelier', label: 'Atelier', slides: 2 },
  { id: 'capsule', label: 'Capsule', slides: 2 },
];

let run = 0;

/** A tray between two buttons, as on a page: the keyboard always has somewhere to go. */
export async function tray(groups: GroupSpec[] = HOUSE, dir = 'ltr') {
  const tag = `run=${++run}`;
  const wrapper = await fixture<HTMLElement>(
    html`<div dir=${dir}>
      <button id="before">Before</button>
      <vitrine-story-tray>${groups.map((spec) => group(spec, tag))}</vitrine-story-tray>
      <button id="after">After</button>
    </div>`,
  );
  const el = wrapper.querySelector<VitrineStoryTray>('vitrine-story-tray')!;
  await customElements.whenDefined('vitrine-story-tray');
  await el.updateComplete;
  await until(() => covers(el).length === groups.length, 'the covers');
  return el;
}

export const covers = (el: VitrineStoryTray) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="cover"]'),
];
export const dialogOf = (el: VitrineStoryTray) => el.shadowRoot!.querySelector('dialog')!;
export const part = (el: Element, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const groupsOf = (el: VitrineStoryTray) => [
  ...el.querySelectorAll<VitrineStories>(':scope > vitrine-stories'),
];
/** The group the dialog shows, and its slide. */
export const shown = (el: VitrineStoryTray) => {
  const group = el.shadowRoot!.querySelector('slot')!.assignedElements()[0] as
    VitrineStories | undefined;
  const slides = group ? [...group.querySelectorAll<VitrineStory>(':scope > vitrine-story')] : [];
  return {
    open: dialogOf(el).open,
    group: group?.id,
    slide: slides
      .filter((slide) => slide.position === 'current')
      .map((slide) => slide.id || slide.dataset.feedId)[0],
  };
};
export const focused = (el: VitrineStoryTray) => el.shadowRoot!.activeElement as HTMLElement | null;

export async function opened(el: VitrineStoryTray, groupId: string, slideId?: string) {
  await until(
    () => {
      const now = shown(el);
      return now.open && now.group === groupId && (!slideId || now.slide === slideId);
    },
    `${groupId} ${slideId ?? ''} shown`,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; shown: ${JSON.stringify(shown(el))}`);
  });
  // Where the fan presses is where things are once the dialog has risen into place.
  await Promise.all(
    dialogOf(el)
      .getAnimations()
      .map((animation) => animation.finished),
  );
}

/** Presses the shown group's "next slide" button. */
export async function nextSlide(el: VitrineStoryTray) {
  const group = groupsOf(el).find((g) => g.id === shown(el).group)!;
  await group.updateComplete;
  part(group, 'next')!.click();
  await group.updateComplete;
  await el.updateComplete;
}
