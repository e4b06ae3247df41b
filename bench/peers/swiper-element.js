// Swiper's custom element as its documentation loads it: every module and its styles inside.
import { register } from 'swiper/element/bundle';

register();
