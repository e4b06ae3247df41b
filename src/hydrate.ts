/**
 * `vitrine/hydrate`: import it before `vitrine` (or an element's entry) on a page drawn by
 * `vitrine/ssr`, and each element adopts the shadow root the server drew instead of drawing
 * it again. The CDN file does this by itself when the page holds such a shadow root.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { LitElement } from 'lit';

type Install = (lit: { LitElement: typeof LitElement }) => void;

// LitElement installs the support itself when it loads after it. Already loaded (the CDN file
// learns that the page was drawn on a server once Lit is there), it is installed here, once:
// installed, it gives LitElement an `observedAttributes` of its own (for `defer-hydration`).
if (!Object.hasOwn(LitElement, 'observedAttributes')) {
  (globalThis as { litElementHydrateSupport?: Install }).litElementHydrateSupport?.({ LitElement });
}
