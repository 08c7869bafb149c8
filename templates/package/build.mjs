// Builds dist/ from src/ (npm run build; npm runs it before `npm pack` and `npm publish`):
//   ES modules:  dist/*.js  with dist/*.d.ts   (type-checked, with source and declaration maps)
//   CommonJS:    dist/*.cjs with dist/*.d.cts  (the same sources, their imports renamed to .cjs)
// so that `import` and `require` each get modules and types of their own format. Needs TypeScript:
// the package's devDependency, or any `typescript` Node resolves from this folder.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const ts = await import('typescript').then(
  (m) => m.default,
  () => fail('TypeScript is needed to build this package: run npm install (it is a devDependency)'),
);

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

function check(diagnostics) {
  if (!diagnostics.length) return;
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  fail(`\n${ts.formatDiagnostics(diagnostics, host)}`);
}

/** Renames the relative `./x.js` imports and exports of a module or declaration file to `./x.cjs`. */
function cjsSpecifiers(context) {
  const { factory } = context;
  const renamed = (specifier) =>
    specifier && ts.isStringLiteral(specifier) && /^\.\.?\/.*\.js$/.test(specifier.text)
      ? factory.createStringLiteral(`${specifier.text.slice(0, -3)}.cjs`)
      : undefined;
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && renamed(node.moduleSpecifier))
      return factory.updateImportDeclaration(
        node,
        node.modifiers,
        node.importClause,
        renamed(node.moduleSpecifier),
        node.attributes,
      );
    if (ts.isExportDeclaration(node) && renamed(node.moduleSpecifier))
      return factory.updateExportDeclaration(
        node,
        node.modifiers,
        node.isTypeOnly,
        node.exportClause,
        renamed(node.moduleSpecifier),
        node.attributes,
      );
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && renamed(node.argument.literal))
      return factory.updateImportTypeNode(
        node,
        factory.updateLiteralTypeNode(node.argument, renamed(node.argument.literal)),
        node.attributes,
        node.qualifier,
        node.typeArguments,
        node.isTypeOf,
      );
    return ts.visitEachChild(node, visit, context);
  };
  return (file) => ts.visitNode(file, visit);
}

const parsed = ts.getParsedCommandLineOfConfigFile(
  path.join(root, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => check([d]),
  },
);
check(parsed.errors);
rmSync(path.join(root, parsed.options.outDir), { recursive: true, force: true });

const esm = ts.createProgram(parsed.fileNames, parsed.options);
check(ts.getPreEmitDiagnostics(esm));
check(esm.emit().diagnostics);

// CommonJS from the same (already checked) sources: `.js` → `.cjs`, `.d.ts` → `.d.cts`, no maps.
const cjsOptions = {
  ...parsed.options,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  sourceMap: false,
  declarationMap: false,
};
const cjs = ts.createProgram({ rootNames: parsed.fileNames, options: cjsOptions, oldProgram: esm });
const writeFile = (file, text, bom) =>
  ts.sys.writeFile(file.replace(/\.js$/, '.cjs').replace(/\.d\.ts$/, '.d.cts'), text, bom);
check(
  cjs.emit(undefined, writeFile, undefined, false, { before: [cjsSpecifiers], afterDeclarations: [cjsSpecifiers] })
    .diagnostics,
);
