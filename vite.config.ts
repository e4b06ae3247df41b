import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/**
 * Shared by the demo server and Storybook: `vitrine` and its entry points resolve to the
 * sources, so the demo and the stories import the library exactly as a brand would.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^vitrine$/, replacement: src('index.ts') },
      { find: /^vitrine\/wishlist$/, replacement: src('wishlist/index.ts') },
      { find: /^vitrine\/stores$/, replacement: src('stores/index.ts') },
      { find: /^vitrine\/login$/, replacement: src('login/index.ts') },
      { find: /^vitrine\/votes$/, replacement: src('votes/index.ts') },
      { find: /^vitrine\/stories$/, replacement: src('stories/index.ts') },
      { find: /^vitrine\/react$/, replacement: src('react/index.ts') },
    ],
  },
  define: { 'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV ?? 'development') },
  server: { host: '127.0.0.1' },
  clearScreen: false,
});
