import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex !important;
    flex-wrap: wrap !important;
    align-items: center !important;
    gap: var(--_space) !important;
    --_voted: var(--vitrine-vote-color-voted, var(--_accent));
    --_on-voted: var(--vitrine-vote-color-on-voted, var(--_on-accent));
    background: var(--_surface);
    color: var(--_text);
  }
  [part~='button'] {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.5rem;
    padding: 0 1rem;
    border: 1px solid var(--_voted);
    border-radius: 999px;
    /* Its own surface under its text: readable on any page, in either theme. */
    background: var(--_surface);
    color: var(--_text);
    transition:
      background-color var(--_duration),
      color var(--_duration);
  }
  [part~='button'][aria-pressed='true'] {
    background: var(--_voted);
    color: var(--_on-voted);
  }
  [part~='button']:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  /* On its way: the star pulses until the server confirms (still under reduced motion). */
  [part~='button'][aria-busy='true'] {
    cursor: progress;
  }
  [part~='button'][aria-busy='true'] [part='icon'] {
    animation: vitrine-vote-pending 0.9s ease-in-out infinite alternate;
  }
  @keyframes vitrine-vote-pending {
    to {
      opacity: 0.35;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='button'][aria-busy='true'] [part='icon'] {
      animation: none;
      opacity: 0.5;
    }
  }
  [part='result']:focus {
    outline: none;
  }
  [part='result']:focus-visible {
    outline: 2px solid var(--_focus);
  }
  [part='icon'] svg {
    display: block;
    width: 1.1em;
    height: 1.1em;
  }
  [part='count'],
  [part='result'] {
    font-variant-numeric: tabular-nums;
  }
  [part='result'],
  [part='error'],
  .note {
    margin: 0;
    font-size: 0.875rem;
  }
  .note {
    color: var(--_muted);
  }
  [part='error'] {
    flex-basis: 100%;
    color: var(--_danger);
  }
`;
