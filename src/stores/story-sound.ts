import { onDevice } from '../core/device.js';
import { atom } from 'nanostores';

/**
 * Whether the fan turned the stories' sound on, for every carousel of the page. Off when the
 * page loads, as browsers autoplay muted video only; never stored, for the same reason.
 */
export const $storySound = atom(false);
onDevice($storySound, false);

/** The one story video playing on the page: when another starts, this one stops. */
export const $storyVideo = atom<HTMLVideoElement | undefined>(undefined);
