import { defineConfig } from 'vite'

/** A tiny page that opens fixtures through openFile, so the import worker is bundled as in the app. */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  build: { outDir: '../../node_modules/.cache/import-worker-check', target: 'es2022', emptyOutDir: true },
})
