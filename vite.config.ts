/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

/**
 * Content-Security-Policy for the built app only: the dev server injects an inline preamble
 * (React Refresh) that a strict policy would block. No inline script, no eval; styles allow
 * inline style attributes (React's style prop); images allow data: and blob: for exports.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https: http: ws: wss: blob: data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'alliance-explorer:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
          injectTo: 'head-prepend',
        },
      ],
    },
  }
}

export default defineConfig({
  // Relative asset URLs: dist/ works when served from the root or from any sub-path.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  // d3-zoom's animated zooms are never used: a stand-in keeps d3-transition and d3-interpolate
  // (and d3-color) out of the first load.
  resolve: {
    alias: {
      'd3-transition': fileURLToPath(new URL('./src/interaction/noAnimatedZoom.ts', import.meta.url)),
      'd3-interpolate': fileURLToPath(new URL('./src/interaction/noAnimatedZoom.ts', import.meta.url)),
    },
  },
  build: { target: 'es2022', sourcemap: true },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['tests/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}', 'tests/server/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
})
