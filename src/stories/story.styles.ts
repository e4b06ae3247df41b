import { css } from 'lit';

export const styles = css`
  :host {
    position: absolute !important;
    inset: 0 !important;
    display: block !important;
    overflow: clip !important;
    /* The same in light and dark: a text slide is a page of the story, not of the site. */
    background: var(--vitrine-story-background, #1c1a17);
    color: var(--vitrine-story-color, #fbf6ee);
    transition: transform var(--vitrine-stories-transition, 320ms) cubic-bezier(0.2, 0, 0, 1);
    --_dir: 1;
  }
  :host(:dir(rtl)) {
    --_dir: -1;
  }
  :host([position='previous']) {
    transform: translateX(calc((-100% - 1px) * var(--_dir))) !important;
  }
  :host([position='next']) {
    /* One pixel further, so no sliver of the neighbour shows where sizes round. */
    transform: translateX(calc((100% + 1px) * var(--_dir))) !important;
  }
  :host([position='far']) {
    display: none !important;
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      transition: none;
    }
  }
  [part='content'] {
    position: absolute;
    inset: 0;
  }
  ::slotted(img),
  ::slotted(video),
  ::slotted(picture) {
    display: block !important;
    width: 100% !important;
    height: 100% !important;
    object-fit: cover !important;
    /* A press on the picture is a tap or a hold, not the start of an image drag. */
    -webkit-user-drag: none;
  }
  ::slotted([data-vitrine-text]) {
    position: absolute;
    inset: auto 0 0;
    padding: 2rem 1.5rem 3rem;
    font-size: 1.1rem;
    line-height: 1.5;
  }
`;
