import type { LitElement } from 'lit';

/**
 * The element matching `selector` inside the shadow root of the first `tag` in the story,
 * once that element has rendered. Throws (failing the play function) when either is missing.
 */
export async function inShadow<T extends Element = HTMLElement>(
  canvas: HTMLElement,
  tag: string,
  selector: string,
): Promise<T> {
  const host = canvas.querySelector<LitElement>(tag);
  if (!host) throw new Error(`no <${tag}> in the story`);
  await host.updateComplete;
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} inside <${tag}>`);
  return found;
}

/** Waits until the element `tag` has rendered again (after a click, a store change…). */
export async function rendered(canvas: HTMLElement, tag: string): Promise<void> {
  await canvas.querySelector<LitElement>(tag)?.updateComplete;
}
