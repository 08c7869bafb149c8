// An esbuild plugin for the CLI bundle (scripts/build-generator.js).
import path from 'node:path';

/**
 * string-width (yargs and its help layout use three copies of it) builds an Intl.Segmenter and
 * Unicode-property regular expressions when it is loaded: ~25 ms, and ~15 more on first use, in
 * every run (yargs lays out the help text of each command it runs, in case it must show it).
 * Each import of it gets a stand-in that answers for printable ASCII itself (the width is the
 * length, as string-width's own fast path says) and loads the copy it would have loaded only for
 * other text (a `require` of an ES module inside the bundle runs that module then, not at start-up).
 */
export const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.namespace === 'lazy-string-width') return undefined; // the stand-in's own require: the real module
      const real = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, namespace: 'lazy-string-width' });
      if (real.errors.length) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy-string-width' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents: [
        'let stringWidth;',
        'export default function lazyStringWidth(text, options) {',
        '  if (typeof text === "string" && /^[\\u0020-\\u007E]*$/.test(text)) return text.length;',
        "  stringWidth ??= require('string-width').default;",
        '  return stringWidth(text, options);',
        '}',
      ].join('\n'),
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};
