/**
 * Builds the benchmark's peer pages (bench/peers/<name>/index.html) into bench/peers-dist/
 * (git-ignored). `npm run bench` runs it; by hand: `npx vite build --config bench/vite.config.ts`.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const peers = ['force-graph', 'd3-canvas', 'd3-svg', 'sigma']
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

export default defineConfig({
  root: here('./peers'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: here('./peers-dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: Object.fromEntries(peers.map((p) => [p, here(`./peers/${p}/index.html`)])),
    },
  },
})
