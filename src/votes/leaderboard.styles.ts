import { css } from 'lit';

export const styles = css`
  :host {
    display: block !important;
    --_bar: var(--vitrine-leaderboard-bar, var(--_accent));
    --_track: var(--vitrine-leaderboard-track, var(--_border));
    /* Its own surface under its text: readable on any page, in either theme. */
    background: var(--_surface);
    color: var(--_text);
  }
  [part='title'] {
    margin: 0 0 0.25rem;
    font-size: 1.125rem;
    font-weight: 500;
  }
  [part='status'] {
    margin: 0 0 var(--_space);
    color: var(--_muted);
    font-size: 0.875rem;
  }
  [part='list'] {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='item'] {
    display: grid;
    grid-template-columns: 1.5rem 1fr auto;
    grid-template-areas: 'rank name count' '. bar bar';
    align-items: center;
    column-gap: 0.75rem;
    row-gap: 0.25rem;
    padding: 0.6rem 0;
    border-bottom: 1px solid var(--_border);
  }
  [data-images] > [part~='item'] {
    grid-template-columns: 1.5rem 2.5rem 1fr auto;
    grid-template-areas: 'rank image name count' '. . bar bar';
  }
  /* Counts hidden: no rank either, the products in the campaign's order. */
  [data-hidden-counts] > [part~='item'] {
    grid-template-columns: 1fr;
    grid-template-areas: 'name';
  }
  [data-hidden-counts][data-images] > [part~='item'] {
    grid-template-columns: 2.5rem 1fr;
    grid-template-areas: 'image name';
  }
  [part='rank'] {
    grid-area: rank;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  [part='image'] {
    grid-area: image;
    display: block;
    width: 2.5rem;
    height: 2.5rem;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  .label {
    grid-area: name;
  }
  [part='name'] {
    overflow-wrap: anywhere;
  }
  [part='count'] {
    grid-area: count;
    font-variant-numeric: tabular-nums;
  }
  [part='progress'] {
    grid-area: bar;
    width: 100%;
    height: 0.5rem;
    border: 0;
    border-radius: 0.25rem;
    background: var(--_track);
    accent-color: var(--_bar);
    appearance: none;
  }
  [part='progress']::-webkit-progress-bar {
    border-radius: 0.25rem;
    background: var(--_track);
  }
  [part='progress']::-webkit-progress-value {
    border-radius: 0.25rem;
    background: var(--_bar);
  }
  [part='progress']::-moz-progress-bar {
    border-radius: 0.25rem;
    background: var(--_bar);
  }
  .badge {
    margin-inline-start: 0.5rem;
    font-size: 0.75rem;
    color: var(--_muted);
    white-space: nowrap;
  }
  [part~='winner'] [part='name'] {
    font-weight: 600;
  }
`;
