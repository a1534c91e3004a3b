import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompressPlugin } from './scripts/precompress-plugin';
import { scenariosPlugin } from './src/features/workshop/scenarios/scenarios-plugin';
import { rulesetPlugin } from './src/rules-data/ruleset-plugin';

// The API runs beside the app (src/server); in development Vite forwards /api to it.
const apiPort = Number(process.env.VAGVAL_API_PORT ?? 8787);

export default defineConfig({
  plugins: [react(), rulesetPlugin(), scenariosPlugin(), precompressPlugin()],
  server: { proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
  },
});
