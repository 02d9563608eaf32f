import { defineConfig } from 'vite';

// The console is served by the API function under /admin/: hashed assets (cached for a year),
// index.html revalidated, no inline script (the function sends a strict Content-Security-Policy).
export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  build: {
    outDir: '../dist/admin',
    emptyOutDir: true,
    assetsInlineLimit: 0,
  },
});
