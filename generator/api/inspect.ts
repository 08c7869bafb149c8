/** `inspect`: what was understood from the docs, as the model and its diagnostics; nothing is written. */
import type { RunOptions } from '../config.js';
import type { ModelRun } from '../generate.js';

export type InspectOptions = RunOptions;

/**
 * The config, the folders, the model (`api-model.json`'s content), its diagnostics at their
 * configured levels and the time of each pass. `unusable` says why when nothing could be read.
 * Throws ConfigError or InputError for a bad config or an unreadable input folder.
 */
export type InspectResult = ModelRun;

export async function inspect(options: InspectOptions = {}): Promise<InspectResult> {
  // Loaded on use: the model and its readers are most of the generator.
  const { runModel } = await import('../generate.js');
  return runModel(options);
}
