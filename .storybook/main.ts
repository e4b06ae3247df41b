import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * The stories import `vitrine/<family>`, which vite.config.ts resolves to `src/<family>/index.ts`.
 * The package's `sideEffects` names only the built files, so without this the production
 * build would drop those imports and no element would be registered.
 */
const keepRegistrations: Plugin = {
  name: 'vitrine:keep-registrations',
  enforce: 'pre',
  // Runs after the alias, so `source` is already the path of the source file.
  async resolveId(source, importer, options) {
    const inSrc = source.startsWith(src) ? source.slice(src.length) : undefined;
    if (inSrc === undefined || !/^(?:[\w-]+\/)?index\.ts$/.test(inSrc)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved && { ...resolved, moduleSideEffects: true };
  },
};

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../storybook/**/*.stories.ts'],
  core: { disableTelemetry: true },
  addons: ['@storybook/addon-docs'],
  docs: { defaultName: 'Docs' },
  viteFinal(viteConfig, { configType }) {
    return {
      ...viteConfig,
      plugins: [...(viteConfig.plugins ?? []), keepRegistrations],
      // `build-storybook --quiet` should print problems only, not Vite's list of chunks.
      logLevel: configType === 'PRODUCTION' ? 'warn' : viteConfig.logLevel,
      build: {
        ...viteConfig.build,
        // Small SVGs would otherwise be inlined as data: URLs, which the widgets rightly
        // refuse (only http/https images pass `safeUrl`).
        assetsInlineLimit: 0,
        // The preview bundle is Storybook's own runtime (about 1 MB); shoppers never load it.
        chunkSizeWarningLimit: 2000,
      },
    };
  },
};

export default config;
