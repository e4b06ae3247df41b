import '@splidejs/splide/css';

export { Splide } from '@splidejs/splide';
