/**
 * `watch`: `generate` again whenever the docs or the config change. Changes are gathered for a
 * short quiet time (debounced); a change that arrives while a run is writing waits for that run to
 * end (its output is then one complete state), and one more run follows. Whether anything really
 * changed is the incremental check's to say (a run with the same docs is a no-op), so the watcher
 * only has to notice that something may have.
 *
 * chokidar, not Node's recursive `fs.watch`: on Linux, Node 20 emulates the recursive mode with one
 * watcher per file, which goes deaf to a file once an editor saves it by writing a temporary file
 * and renaming it over the page (tested); chokidar follows such saves, on Linux and macOS alike.
 */
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { CONFIG_OBJECT, resolveRun, type ResolvedRun } from '../config.js';
import { formatDiagnostic } from '../diagnostics.js';
import { generate, type GenerateOptions, type GenerateResult } from './generate.js';

export interface WatchOptions extends Omit<GenerateOptions, 'check' | 'signal'> {
  /** Milliseconds without a further change before a run starts (default 150). */
  debounceMs?: number;
  /** Called with the result of every run, the first included. */
  onRun?: (result: GenerateResult) => void;
  /** Called when a run after the first fails (a config being edited, an output locked by another run); watching goes on. */
  onError?: (error: unknown) => void;
}

export interface Watcher {
  /** The first run's result; rejects when that run fails (bad config, unreadable input), and the watcher is then closed. */
  readonly first: Promise<GenerateResult>;
  /**
   * Stops watching. A run in progress is abandoned while it is still staging its files (the output
   * stays the previous run's) and finished once it is moving them into place; resolves when it has
   * ended and the output's lock is released.
   */
  close(): Promise<void>;
}

/** What a run watches: the input folder and the config file (none for a config object). */
interface Targets {
  inputDir: string;
  configFile?: string;
  outDir: string;
}

const targetsOf = (r: ResolvedRun): Targets => ({
  inputDir: r.inputDir,
  outDir: r.outDir,
  ...(r.configFile !== CONFIG_OBJECT ? { configFile: r.configFile } : {}),
});
const sameTargets = (a: Targets | undefined, b: Targets) => a?.inputDir === b.inputDir && a.configFile === b.configFile && a.outDir === b.outDir;
const inside = (dir: string, p: string) => {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Runs `generate` once, then again on every change under the input folder or to the config file, until `close`. */
export function watch(options: WatchOptions = {}): Watcher {
  const loop = new WatchLoop(options);
  const first = loop.start();
  // A first run that fails ends the watch (this also marks its rejection handled: the caller may have stopped waiting).
  first.catch(() => loop.close());
  return { first, close: () => loop.close() };
}

class WatchLoop {
  private watcher: FSWatcher | undefined;
  private targets: Targets | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private again = false;
  private closed = false;
  private readonly changes = new Set<string>();
  private readonly abort = new AbortController();
  private diagnostics: Set<string> | undefined;
  private readonly cwd: string;

  constructor(private readonly options: WatchOptions) {
    this.cwd = options.cwd ?? process.cwd();
  }

  private info(text: string): void {
    if (!this.options.quiet) this.options.log?.(text);
  }

  private name(p: string): string {
    return path.relative(this.cwd, p).split(path.sep).join('/') || '.';
  }

  /** Watches, then runs once; a change during that run is run after it. */
  start(): Promise<GenerateResult> {
    const first = (async () => {
      await this.follow(targetsOf(await resolveRun(this.options)));
      const result = await this.runOnce();
      const { inputDir, configFile } = this.targets!;
      this.info(`watching ${this.name(inputDir)}/${configFile ? ` and ${this.name(configFile)}` : ''} for changes`);
      return result;
    })();
    this.running = first;
    const settle = () => this.settle();
    first.then(settle, settle);
    return first;
  }

  /** A run, then the next one when changes came in meanwhile. */
  private settle(): void {
    this.running = undefined;
    if (this.again && !this.closed) {
      this.again = false;
      this.trigger();
    }
  }

  private changed(p: string): void {
    if (this.closed) return;
    this.changes.add(this.name(p));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.trigger(), this.options.debounceMs ?? 150);
  }

  private trigger(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    const names = [...this.changes].sort();
    this.changes.clear();
    if (names.length) this.info(`change: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}; generating`);
    const settle = () => this.settle();
    this.running = this.next().then(settle, settle);
  }

  /** A run after the first: its targets may have moved (the config names another input), and its errors are reported, not thrown. */
  private async next(): Promise<void> {
    try {
      await this.follow(targetsOf(await resolveRun(this.options)));
      await this.runOnce();
    } catch (error) {
      if (this.closed && this.abort.signal.aborted) return;
      if (this.options.onError) this.options.onError(error);
      else this.options.log?.(`booster-codegen: ${(error as Error).message}`);
    }
  }

  private async runOnce(): Promise<GenerateResult> {
    const result = await generate({ ...this.options, signal: this.abort.signal });
    if (result.model) this.reportDiagnosticChanges(result);
    this.options.onRun?.(result);
    return result;
  }

  /** After a run that read the docs: how many of the diagnostics shown (notes only when verbose) are new, and how many went, since the last such run. */
  private reportDiagnosticChanges(result: GenerateResult): void {
    const shown = result.diagnostics.filter((d) => this.options.verbose || d.severity !== 'info');
    const now = new Set(shown.map(formatDiagnostic));
    const before = this.diagnostics;
    this.diagnostics = now;
    if (!before) return;
    const added = [...now].filter((d) => !before.has(d)).length;
    const gone = [...before].filter((d) => !now.has(d)).length;
    if (added || gone) this.info(`diagnostics since the last run: ${added} new, ${gone} gone`);
  }

  /** Watches the targets, moving the watcher when they changed. */
  private async follow(targets: Targets): Promise<void> {
    if (sameTargets(this.targets, targets) || this.closed) return;
    await this.watcher?.close();
    const { watch } = await import('chokidar');
    const { inputDir, outDir } = targets;
    // Hidden files are no pages (editors' swap files); the output is ours to write, not a change.
    const ignored = (p: string) =>
      inside(outDir, p) ||
      (inside(inputDir, p) &&
        path
          .relative(inputDir, p)
          .split(path.sep)
          .some((s) => s.startsWith('.')));
    const watcher = watch(targets.configFile ? [inputDir, targets.configFile] : [inputDir], { ignoreInitial: true, ignored });
    watcher.on('all', (_event, p) => this.changed(p));
    watcher.on('error', (error) => this.options.log?.(`booster-codegen: watching ${this.name(inputDir)}: ${(error as Error).message}`));
    await new Promise<void>((resolve) => watcher.once('ready', resolve));
    if (this.closed) return void (await watcher.close());
    this.watcher = watcher;
    this.targets = targets;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.abort.abort(new WatchClosed());
    await this.watcher?.close();
    await this.running?.catch(() => undefined);
  }
}

/** The reason a run is abandoned when the watcher closes. */
class WatchClosed extends Error {
  constructor() {
    super('watching stopped');
    this.name = 'AbortError';
  }
}
