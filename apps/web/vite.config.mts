import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The browser UI. Built into apps/web/dist, which the API serves on its own port (same origin,
 * so no CORS and no proxy in production). `npm run dev:web` proxies /api to a running API.
 * JSX goes through Vite's built-in Oxc transform: @vitejs/plugin-react's peers conflict here.
 */
export default defineConfig({
  base: '/',
  // The pure domain core (code lists) is shared with the server, not copied.
  resolve: {
    alias: { '@vufo/domain': fileURLToPath(new URL('../../libs/domain/src', import.meta.url)) },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; meaningless in an SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': process.env.API_URL ?? 'http://localhost:3000' } },
});
