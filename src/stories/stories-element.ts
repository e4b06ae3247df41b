import { LitElement, adoptStyles, isServer } from 'lit';
import { VitrineElement } from '../core/vitrine-element.js';
import { isServerBox } from '../core/server-box.js';

/**
 * The stories family: never drawn in full by a server (`vitrine/ssr` draws boxes for them,
 * see `src/core/server-box.ts`), so in the browser they draw in full from their first render.
 */
export class StoriesElement extends VitrineElement {
  override readonly serverDrawn: boolean = isServer;

  /**
   * A box the server drew is emptied and drawn in, as if new: nothing of it is adopted, with
   * or without `vitrine/hydrate`.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.shadowRoot;
    if (!root || !isServerBox(root)) return super.createRenderRoot();
    root.replaceChildren();
    adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
    return root;
  }
}
