import { onDevice } from '../core/device.js';
import { atom, onMount } from 'nanostores';
import { warn } from '../core/warn.js';

/** The page fragment that opens a slide: `#vitrine-story=<stories id>/<story id>`. */
export const STORY_LINK_PARAM = 'vitrine-story';
/** Longer fragments are not read at all: no link Vitrine writes comes close. */
export const MAX_STORY_LINK_LENGTH = 300;
/** Ids a link may name: what an HTML `id` holds in practice, nothing that could be markup. */
const LINK_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** A slide named by a deep link. `seq` grows with every link followed, the same one again included. */
export interface StoryLink {
  storiesId: string;
  storyId: string;
  seq: number;
}

const PREFIX = `#${STORY_LINK_PARAM}=`;

const shown = (hash: string) => JSON.stringify(hash.slice(0, 60) + (hash.length > 60 ? '…' : ''));

/**
 * The slide a fragment names. `undefined` when the fragment is not a story link (the page's
 * own anchors) or cannot be one; the latter is said once in the console, and nothing opens.
 */
export function readStoryLink(hash: string): Omit<StoryLink, 'seq'> | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  const ignored = (why: string) => {
    warn(
      `the story link ${shown(hash)} is ignored: ${why}. Write #${STORY_LINK_PARAM}=<stories id>/<story id>, e.g. #${STORY_LINK_PARAM}=heritage/atelier.`,
      `story-link:${hash.slice(0, 200)}`,
    );
    return undefined;
  };
  if (hash.length > MAX_STORY_LINK_LENGTH) {
    return ignored(`it is ${hash.length} characters long`);
  }
  let value: string;
  try {
    value = decodeURIComponent(hash.slice(PREFIX.length));
  } catch {
    return ignored('it is not valid percent-encoding');
  }
  const [storiesId = '', storyId = '', ...rest] = value.split('/');
  if (rest.length > 0 || !LINK_ID.test(storiesId) || !LINK_ID.test(storyId)) {
    return ignored('it does not name a stories id and a story id');
  }
  return { storiesId, storyId };
}

/** The address that opens slide `storyId` of `<vitrine-stories id="storiesId">` on `page`. */
export function storyLinkFor(storiesId: string, storyId: string, page = location.href): string {
  const url = new URL(page);
  url.hash = `${STORY_LINK_PARAM}=${encodeURIComponent(storiesId)}/${encodeURIComponent(storyId)}`;
  return url.href;
}

/** Whether this page address carries a story link (to take it off once the fan closes it). */
export function hasStoryLink(hash = location.hash): boolean {
  return hash.startsWith(PREFIX);
}

let seq = 0;

/**
 * The slide the page's address names, read when the page loads and on every `hashchange`;
 * `undefined` when it names none. Listens to the page only while someone follows it.
 */
export const $storyLink = atom<StoryLink | undefined>(undefined);
onDevice($storyLink, undefined);

onMount($storyLink, () => {
  const read = (): void => {
    const link = readStoryLink(location.hash);
    $storyLink.set(link && { ...link, seq: ++seq });
  };
  read();
  addEventListener('hashchange', read);
  return () => {
    removeEventListener('hashchange', read);
    $storyLink.set(undefined);
  };
});
