/**
 * `booster-codegen release`: the CLI over the API's `release` (generator/release/release.ts):
 * generate, check, build, smoke-test and publish the output package. Exit codes: 0 published (or,
 * with --dry-run, everything but the publishing passed); 1 refused, saying why; 2 bad usage or unusable docs.
 */
import type { Argv } from 'yargs';
import { guarded, inputOptions, stderrLog } from './shared.js';

interface ReleaseArgs {
  input?: string;
  out?: string;
  config?: string;
  registry?: string;
  dryRun?: boolean;
  tag?: string;
  access?: 'public' | 'restricted';
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

async function run(args: ReleaseArgs): Promise<number> {
  // Loaded on use, so that other commands start fast.
  const { release } = await import('../release/release.js');
  return (await release({ ...args, log: stderrLog })).exitCode;
}

export function registerRelease(y: Argv): Argv {
  return y.command(
    'release',
    'generate, check, build, smoke-test and publish the output package to npm',
    (c) =>
      c.options({
        ...inputOptions,
        registry: { type: 'string', describe: "registry URL (default: the one npm's config names for the package)" },
        'dry-run': { type: 'boolean', describe: 'do everything but publish (the output folder is left as it is), and show what would be published' },
        tag: { type: 'string', describe: 'npm dist-tag (default: latest)' },
        access: {
          choices: ['public', 'restricted'] as const,
          describe: 'npm access level (a scoped package on npmjs.com needs public, unless its publishConfig says so)',
        },
        strict: { type: 'boolean', describe: 'refuse docs that give warnings' },
        quiet: { type: 'boolean', describe: 'print only problems' },
        verbose: { type: 'boolean', describe: 'also print notes' },
      }),
    (args) => guarded(() => run(args)),
  );
}
