// The smallest Swiper element with arrows and dots: the core element and two modules.
import { register } from 'swiper/element';
import { Navigation, Pagination } from 'swiper/modules';

register();

export const modules = [Navigation, Pagination];
