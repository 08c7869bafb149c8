/**
 * `generate --watch` in a terminal: watch until Ctrl-C (SIGINT) or SIGTERM, then stop cleanly: a
 * run still staging its files is abandoned, one moving them into place is finished, the output's
 * lock is released, and the exit code is 0. A second Ctrl-C exits at once (130): whatever the write
 * had reached, its journal lets the next run finish it.
 */
import type { GenerateOptions } from '../api/generate.js';
import { watch } from '../api/watch.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Resolves at the first SIGINT or SIGTERM, after which the next one exits at once; `dispose` restores the defaults. */
function interruption(): { stop: Promise<void>; dispose: () => void } {
  const exitNow = () => process.exit(130);
  let first: () => void = () => undefined;
  const stop = new Promise<void>((resolve) => {
    first = () => {
      for (const s of SIGNALS) process.off(s, first).on(s, exitNow);
      resolve();
    };
    for (const s of SIGNALS) process.on(s, first);
  });
  const dispose = () => {
    for (const s of SIGNALS) process.off(s, first).off(s, exitNow);
  };
  return { stop, dispose };
}

/** 0 after a clean stop; the first run's usage errors (bad config, unreadable input) are thrown, as without --watch. */
export async function watchUntilInterrupted(options: GenerateOptions): Promise<number> {
  const info = (text: string) => (options.quiet ? undefined : options.log?.(text));
  const { stop, dispose } = interruption();
  try {
    const watcher = watch(options);
    if (!(await Promise.race([watcher.first.then(() => false), stop.then(() => true)]))) {
      info('Ctrl-C stops watching');
      await stop;
    }
    await watcher.close();
    info('stopped watching');
    return 0;
  } finally {
    dispose();
  }
}
