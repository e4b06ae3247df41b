// svelte-check reads this folder's own settings, not the project's Vite config.
export default {};
