import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The console is served by the service at /app/ (src/console/serve-console.ts) from dist/web.
 * `npm run dev:web` proxies the API to a service on :3000 for working on screens.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  // React's JSX through Vite's own oxc transform: no Babel plugin needed.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // bench/console.ts reads it to add up the JavaScript of the first screen.
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Every page needs React, the router and the query cache: one long-cached file instead of
          // a dozen small ones, each a round trip on a phone. antd stays split by component, so a
          // page loads only the components it shows.
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/]query-core|@tanstack[\\/]react-query)[\\/]/ }],
        },
      },
      // antd marks its files "use client" for React Server Components; a client bundle has nothing to keep.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // The error sentences are shared with the service (src/common/i18n).
    fs: { allow: [projectRoot] },
    proxy: Object.fromEntries(
      ['/auth', '/staff', '/positions', '/audit-log', '/devices', '/settings', '/shifts', '/calendar', '/roster', '/schedule', '/attendance', '/punches', '/leave-types', '/leave-requests', '/exemptions', '/approvals', '/reports', '/finance-policy', '/months', '/handbook', '/disciplinary-records'].map((path) => [path, 'http://localhost:3000']),
    ),
  },
});
