import { css } from 'lit';

export const styles = css`
  :host {
    display: block !important;
    /* Its own surface under its text: readable on any page, in either theme. */
    background: var(--_surface);
    color: var(--_text);
  }
  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-end: var(--_space);
  }
  .heading {
    margin: 0;
    font-size: var(--vitrine-wishlist-heading-size, 1.25rem);
    font-weight: 500;
    letter-spacing: 0.02em;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='item'] {
    display: grid;
    grid-template-columns: var(--vitrine-wishlist-image-size, 4.5rem) 1fr auto;
    align-items: center;
    gap: 0.75rem;
    padding-block: 0.75rem;
    border-block-end: 1px solid var(--_border);
  }
  [part='image'] {
    width: 100%;
    aspect-ratio: 3 / 4;
    object-fit: cover;
    background: color-mix(in srgb, var(--_text) 6%, transparent);
  }
  .name {
    display: block;
    overflow-wrap: anywhere;
  }
  a.name {
    text-decoration: none;
  }
  a.name:hover {
    text-decoration: underline;
  }
  [part='price'],
  [part='variant'],
  [part='unavailable'] {
    display: block;
    margin-block-start: 0.25rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  [part='unavailable'] {
    font-style: italic;
  }
  [part='remove'] {
    min-height: 2.5rem;
    padding: 0 0.75rem;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    text-decoration: underline;
    font-size: 0.875rem;
  }
  [part='empty'] {
    margin: 1rem 0;
    color: var(--_muted);
  }
  [part='add-to-bag'] {
    margin-block-start: 0.5rem;
  }
  [part='add-all'] {
    margin-block-start: 1rem;
  }
`;
