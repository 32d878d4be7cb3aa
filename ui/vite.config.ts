/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultClientConditions, defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The app is loaded by Tauri from ui/dist (production) or from the dev server (`tauri dev`).
// harness.html (the browser-test entry with a mocked backend) is served by the dev server only
// and never built into dist.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  resolve: {
    alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) },
    // Component tests mount Svelte in jsdom: resolve Svelte's browser build, not its SSR one.
    conditions: process.env.VITEST ? ['browser', ...defaultClientConditions] : [...defaultClientConditions],
  },
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: { input: fileURLToPath(new URL('./index.html', import.meta.url)) },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
});
