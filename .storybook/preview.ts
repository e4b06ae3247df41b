import { html } from 'lit';
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import 'vitrine/wishlist';
import { $config, clearWishlist, configure, type ConfigInput } from 'vitrine/stores';
import manifest from '../dist/custom-elements.json';
import { forStorybook } from './manifest.js';

setCustomElementsManifest(forStorybook(manifest));

// Stories keep the wishlist in memory: nothing they save leaks into another story or tab.
configure({ storage: 'memory' });

/** Every option back to its default (`undefined` restores one), the storage kept in memory. */
function resetConfig(): void {
  const defaults = Object.fromEntries(Object.keys($config.get()).map((key) => [key, undefined]));
  configure({ ...(defaults as ConfigInput), storage: 'memory' });
}

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
          { value: 'zh-Hans', title: '简体中文' },
          { value: 'zh-Hant', title: '繁體中文' },
          { value: 'ja', title: '日本語' },
          { value: 'ko', title: '한국어' },
          { value: 'ar', title: 'العربية' },
        ],
      },
    },
    theme: {
      description: 'Colour theme of the widgets',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        dynamicTitle: true,
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'auto', title: 'Auto (system)' },
        ],
      },
    },
    direction: {
      description: 'Text direction of the page',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        dynamicTitle: true,
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light', direction: 'ltr' },
  beforeEach() {
    clearWishlist();
    resetConfig();
  },
  decorators: [
    withActions,
    (story, { args, globals, parameters }) => {
      const { locale, theme, direction } = globals as Record<string, string>;
      if (parameters.ownConfig) {
        // The <vitrine-config> stories set locale and theme through the element's own args.
        return html`<div class="vitrine-story" data-theme=${args.theme} dir=${direction}>
          ${story()}
        </div>`;
      }
      configure({ locale, theme: theme as ConfigInput['theme'] });
      return html`<div class="vitrine-story" data-theme=${theme} dir=${direction} lang=${locale}>
        ${story()}
      </div>`;
    },
  ],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    actions: {
      handles: ['vitrine-wishlist-change', 'vitrine-share', 'vitrine-shared-wishlist-save'],
    },
    docs: {
      // Each example in its own frame: the wishlist is page-wide state, and one example's
      // saved items or share link must not show up in the next.
      story: { inline: false, iframeHeight: 220 },
    },
  },
};

export default preview;
