/**
 * What every generated component of `vitrine/react` shares: `@lit/react`'s component in the
 * browser, and on the server (Node, where Lit's `isServer` is true) the element's tag with
 * its attributes, which `@lit/react` alone would drop (it sets properties, in the browser
 * only). `vitrine/ssr` then draws that markup into declarative shadow roots.
 */
import type * as ReactModule from 'react';
import { isServer } from 'lit';
import { createComponent, type Options, type ReactWebComponent } from '@lit/react';
import type { VitrineTagAttributes, VitrineTagName } from '../core/tag-types.js';

/**
 * A component whose element reads some attributes without a property of the same name
 * (`<vitrine-config>`): those are props too, passed on as attributes.
 */
export type WithAttributes<C, T extends VitrineTagName, A extends keyof VitrineTagAttributes[T]> =
  C extends ReactModule.ForwardRefExoticComponent<infer P>
    ? ReactModule.ForwardRefExoticComponent<P & Pick<VitrineTagAttributes[T], A>>
    : never;

/** A prop's value as an attribute: absent for false, null, undefined, objects and functions. */
function attributeValue(value: unknown): string | undefined {
  if (value === true) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint')
    return String(value);
  return undefined;
}

/**
 * The React component of an element. `attributes` names, for each property the element also
 * reads as an attribute, that attribute (`productId` → `product-id`).
 */
export function vitrineComponent<
  I extends HTMLElement,
  E extends Record<string, string> = Record<never, never>,
>(options: Options<I, E>, attributes: Readonly<Record<string, string>>): ReactWebComponent<I, E> {
  if (!isServer) return createComponent(options);
  const { react: React, tagName, events = {} as E } = options;
  const server = React.forwardRef<I, Record<string, unknown>>((props, _ref) => {
    const rendered: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(props)) {
      if (Object.hasOwn(events, key)) continue;
      const attribute = Object.hasOwn(attributes, key) ? attributes[key] : undefined;
      if (attribute === undefined) rendered[key] = value;
      else {
        const text = attributeValue(value);
        if (text !== undefined) rendered[attribute] = text;
      }
    }
    return React.createElement(tagName, rendered);
  });
  server.displayName = options.displayName ?? options.elementClass.name;
  return server as unknown as ReactWebComponent<I, E>;
}
