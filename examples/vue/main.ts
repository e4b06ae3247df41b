// Vitrine in a Vue 3 storefront: `vitrine` registers the elements; `vitrine/vue` types them
// in the templates (vue-tsc). Vite's Vue plugin is told the vitrine-* tags are custom
// elements (examples/serve.js).
import 'vitrine';
import type {} from 'vitrine/vue';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
