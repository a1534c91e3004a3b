import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { headOrderPlugin } from './scripts/head-order-plugin';
import { precompressPlugin } from './scripts/precompress-plugin';
import { scenariosPlugin } from './src/scenarios/scenarios-plugin';
import { rulesetPlugin } from './src/rules-data/ruleset-plugin';

// The API runs beside the app (src/server); in development Vite forwards /api to it.
const apiPort = Number(process.env.VAGVAL_API_PORT ?? 8787);

export default defineConfig({
  plugins: [react(), rulesetPlugin(), scenariosPlugin(), headOrderPlugin(), precompressPlugin()],
  resolve: {
    // React 19 has useSyncExternalStore: the shim @xstate/react asks for (for React < 18) is React's own hook here.
    alias: [
      { find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/, replacement: 'use-sync-external-store/with-selector.js' },
      { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: fileURLToPath(new URL('./src/app/use-sync-external-store.ts', import.meta.url)) },
    ],
  },
  server: { proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Everything the first page imports statically in one chunk: left to itself the bundler cuts it into some twenty
    // files by which later chunks share them, and each file's imports, exports and compression restart cost bytes.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'start', tags: ['$initial'] }] } } },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    // A jsdom page with every kommun in its organisation lists takes seconds to query by role on a loaded
    // 2-core machine; the default 5 s would time out on the machine, not on the behaviour.
    testTimeout: 20_000,
  },
});
