import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }
  [part='button'] {
    min-height: 2.5rem;
    padding: 0 1.25rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    letter-spacing: 0.04em;
    white-space: nowrap;
  }
  /* Done or on its way: a quiet outline that still reads, not a dead grey button. */
  [data-state='adding'],
  [data-state='added'] {
    background: none;
    color: var(--_text);
  }
  [data-state='adding'] {
    cursor: progress;
  }
  [data-state='failed'] {
    border-color: var(--_danger);
    background: none;
    color: var(--_danger);
  }
`;
