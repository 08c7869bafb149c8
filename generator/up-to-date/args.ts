/**
 * The command lines the fast path answers: `generate` followed by these options only, each at most
 * once, in the forms yargs reads the same way (`--out DIR`, `--out=DIR`, `--quiet`). Any other
 * word, option or form (`--force`, `--no-quiet`, `--quiet false`, `-h`) is left to the full CLI.
 */

export interface QuickArgs {
  input?: string;
  out?: string;
  config?: string;
  check: boolean;
  strict: boolean;
  quiet: boolean;
}

const VALUE_OPTIONS = new Set(['input', 'out', 'config']);
/** `--verbose` only adds notes and timings of a run that reads the docs: a no-op prints the same. */
const FLAGS = new Set(['check', 'strict', 'quiet', 'verbose']);

/** The options of a `generate` the fast path may answer; undefined for any other command line. */
export function quickArgs(args: readonly string[]): QuickArgs | undefined {
  if (args[0] !== 'generate') return undefined;
  const seen = new Set<string>();
  const values: Record<string, string> = {};
  for (let i = 1; i < args.length; i++) {
    const option = /^--([a-z]+)(?:=(.*))?$/s.exec(args[i]!);
    const name = option?.[1];
    if (!option || !name || seen.has(name)) return undefined;
    seen.add(name);
    if (FLAGS.has(name)) {
      if (option[2] !== undefined) return undefined;
      continue;
    }
    if (!VALUE_OPTIONS.has(name)) return undefined;
    const value = option[2] ?? args[++i];
    // An empty value, or one yargs might take for an option, is the full CLI's to judge.
    if (!value || value.startsWith('-')) return undefined;
    values[name] = value;
  }
  return { ...values, check: seen.has('check'), strict: seen.has('strict'), quiet: seen.has('quiet') };
}
