// Headless: no arrows, dots or styles come with it.
export { default as EmblaCarousel } from 'embla-carousel';
