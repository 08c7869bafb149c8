/**
 * The corpus measurement (`npm run corpus`): its own vitest run, outside `npm test` (whose
 * include is `test/**\/*.test.ts`). It reads the TypeScript sources directly, so it needs no build.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/corpus/**/*.corpus.ts'],
    testTimeout: 300_000,
  },
});
