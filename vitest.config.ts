import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The JSON report lets .ci/run print the plain "N passed, N failed" line CI reads.
    reporters: ['default', ['json', { outputFile: '.ci/vitest-report.json' }]],
    testTimeout: 60_000,
  },
});
