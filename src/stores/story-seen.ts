import { onDevice } from '../core/device.js';
import { map } from 'nanostores';
import { $config } from '../core/config.js';
import { createStorage, type SafeStorage } from '../core/storage.js';
import { warn } from '../core/warn.js';

/** Where the slides a fan has seen are kept, beside the wishlist and in the same storage. */
export const SEEN_STORAGE_KEY = 'vitrine:stories-seen';
const FORMAT_VERSION = 1;
/** The most groups and slides per group remembered: old groups make way for new ones. */
export const MAX_SEEN_GROUPS = 100;
export const MAX_SEEN_PER_GROUP = 200;
const SEEN_ID = /^[\w.:@#+-]{1,128}$/;

/** Slides seen, by the `id` of their `<vitrine-stories>`: each slide's id, in the order seen. */
export const $storiesSeen = map<Record<string, readonly string[]>>({});
onDevice($storiesSeen, {});

/** Whether slide `storyId` of group `storiesId` was seen, on this device. */
export function isStorySeen(storiesId: string, storyId: string): boolean {
  return $storiesSeen.get()[storiesId]?.includes(storyId) ?? false;
}

/** Remembers that the fan saw slide `storyId` of group `storiesId`. */
export function markStorySeen(storiesId: string, storyId: string): void {
  if (!SEEN_ID.test(storiesId) || !SEEN_ID.test(storyId)) return;
  const all = $storiesSeen.get();
  const seen = all[storiesId] ?? [];
  if (seen.includes(storyId)) return;
  const groups = Object.keys(all);
  if (!all[storiesId] && groups.length >= MAX_SEEN_GROUPS) {
    // The group seen longest ago goes first (keys keep the order they were added in).
    const rest = { ...all };
    delete rest[groups[0]!];
    $storiesSeen.set({ ...rest, [storiesId]: [storyId] });
    return;
  }
  $storiesSeen.setKey(storiesId, [...seen, storyId].slice(-MAX_SEEN_PER_GROUP));
}

/** Forgets every seen slide (the rings show again). */
export function clearStoriesSeen(): void {
  $storiesSeen.set({});
}

/** What a stored value holds, checked: anything unreadable is dropped, never thrown. */
function fromStorage(value: unknown): Record<string, readonly string[]> | undefined {
  if (value === undefined) return undefined;
  const record = value as { v?: unknown; seen?: unknown };
  if (
    record === null ||
    typeof record !== 'object' ||
    record.v !== FORMAT_VERSION ||
    typeof record.seen !== 'object' ||
    record.seen === null ||
    Array.isArray(record.seen)
  ) {
    warn('the stored seen stories have an unknown format; every ring shows again.', 'seen-format');
    return undefined;
  }
  const clean: Record<string, readonly string[]> = {};
  for (const [group, ids] of Object.entries(record.seen).slice(-MAX_SEEN_GROUPS)) {
    if (!SEEN_ID.test(group) || !Array.isArray(ids)) continue;
    const kept = ids.filter((id): id is string => typeof id === 'string' && SEEN_ID.test(id));
    if (kept.length > 0) clean[group] = [...new Set(kept)].slice(-MAX_SEEN_PER_GROUP);
  }
  return clean;
}

// Persistence, as the wishlist's: the storage follows `$config.storage`, other tabs flow in.
let storage: SafeStorage | undefined;
let stopWatching = (): void => {};
let applyingExternal = false;

function save(): void {
  if (applyingExternal || !storage) return;
  storage.write(SEEN_STORAGE_KEY, { v: FORMAT_VERSION, seen: $storiesSeen.get() });
}

function useStorage(kind: SafeStorage['kind']): void {
  if (storage?.kind === kind) return;
  stopWatching();
  const previous = $storiesSeen.get();
  storage = createStorage(kind);
  const stored = fromStorage(storage.read(SEEN_STORAGE_KEY)) ?? {};
  const merged: Record<string, readonly string[]> = { ...stored };
  for (const [group, ids] of Object.entries(previous)) {
    merged[group] = [...new Set([...(stored[group] ?? []), ...ids])].slice(-MAX_SEEN_PER_GROUP);
  }
  applyingExternal = true;
  $storiesSeen.set(merged);
  applyingExternal = false;
  if (Object.keys(previous).length > 0) save();
  stopWatching = storage.watch(SEEN_STORAGE_KEY, (value) => {
    const seen = fromStorage(value);
    // A cleared or unreadable value is not the fan's doing: what this tab knows stays.
    if (seen === undefined) return;
    applyingExternal = true;
    $storiesSeen.set(seen);
    applyingExternal = false;
  });
}

if (typeof window !== 'undefined') {
  useStorage($config.get().storage);
  $config.listen((config) => useStorage(config.storage));
  $storiesSeen.listen(save);
}
