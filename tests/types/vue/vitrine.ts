// Once per app: the Vitrine tags in every template.
import type {} from 'vitrine/vue';
