import { css } from 'lit';

// A neighbour waits beside the slide shown, one pixel further, so no sliver of it shows where
// sizes round. Its place is `translate`: stories.ts moves slides with an animation of
// `transform`, which an important declaration of `transform` would override, as long as
// `animation-duration` says (no CSS animation uses it: stories.ts reads it).
export const styles = css`
  :host {
    position: absolute !important;
    inset: 0 !important;
    display: block !important;
    overflow: clip !important;
    /* The same in light and dark: a text slide is a page of the story, not of the site. */
    background: var(--vitrine-story-background, #1c1a17);
    color: var(--vitrine-story-color, #fbf6ee);
    animation-duration: var(--vitrine-stories-transition, 320ms);
    --_dir: 1;
  }
  :host(:dir(rtl)) {
    --_dir: -1;
  }
  :host([position='previous']) {
    translate: calc((-100% - 1px) * var(--_dir)) !important;
  }
  :host([position='next']) {
    translate: calc((100% + 1px) * var(--_dir)) !important;
  }
  :host([position='far']) {
    display: none !important;
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
