/**
 * A shadow root `vitrine/ssr` drew as a box only: the element's own styles and the frame its
 * slotted content sits in, for what the server cannot draw meaningfully (the stories family,
 * made of the brand's markup and of what only the browser reads). The browser draws such an
 * element anew, in the same root, instead of adopting it.
 */
export const SERVER_BOX = 'data-vitrine-box';

/** Whether `root` is a box `vitrine/ssr` drew (its first child is the marked `<style>`). */
export const isServerBox = (root: ShadowRoot | null): boolean =>
  root?.firstElementChild?.hasAttribute(SERVER_BOX) ?? false;
