import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The JSON report lets .ci/run print the plain "N passed, N failed" line CI reads.
    reporters: ['default', ['json', { outputFile: '.ci/vitest-report.json' }]],
    testTimeout: 60_000,
    // One test file per core: much of the suite waits on child processes and the file system, and
    // vitest's default (one core left free) runs it file by file on a 2-core machine.
    maxWorkers: availableParallelism(),
  },
});
