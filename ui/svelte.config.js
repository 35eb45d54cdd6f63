import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  // Styles go to a .css file so the Content-Security-Policy needs no 'unsafe-inline'.
  compilerOptions: { css: 'external' },
};
