// Once per app: the Vitrine tags in every component.
import type {} from 'vitrine/svelte';
