import { defineConfig } from 'vite';

// The explorer is served by the API function: its page at GET /graphql (for browsers), its
// hashed assets under /explorer/ (cached for a year). No inline script; the Monaco editor's
// workers are files of their own (the function's Content-Security-Policy allows only 'self').
export default defineConfig({
  root: import.meta.dirname,
  base: '/explorer/',
  build: {
    outDir: '../dist/explorer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // GraphiQL with the Monaco editor is one large chunk by nature; it loads once per release.
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's dependencies mark React Server Components ("use client"): meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
