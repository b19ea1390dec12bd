/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath, URL } from 'node:url';

// `npm run dev` serves the app on :5173 and hands the server's own paths to a Promptmark API on :5080
// (`./build.sh --target=Run`, or PROMPTMARK_API=http://host:port npm run dev).
const api = process.env.PROMPTMARK_API ?? 'http://localhost:5080';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/mcp': { target: api, changeOrigin: false },
      '/openapi': { target: api, changeOrigin: false },
      '/scalar': { target: api, changeOrigin: false },
      '/health': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    reporters: ['default', 'junit'],
    outputFile: { junit: '../../artifacts/test-results/web-unit.junit.xml' },
  },
});
