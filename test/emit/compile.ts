import { Project, ts } from 'ts-morph';

/** A ts-morph project with the strictest options a user of the package may compile with. */
export function strictProject(): Project {
  return new Project({
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: true,
      types: [],
    },
  });
}

/** Type-checks files under `tsc --strict`; returns the diagnostics as `file:line message` lines. */
export function strictDiagnostics(files: string[]): string[] {
  const project = strictProject();
  for (const f of files) project.addSourceFileAtPath(f);
  project.resolveSourceFileDependencies();
  return project.getPreEmitDiagnostics().map((d) => {
    const file = d.getSourceFile()?.getFilePath() ?? '';
    return `${file}:${d.getLineNumber() ?? 0} ${ts.flattenDiagnosticMessageText(d.getMessageText() as string | ts.DiagnosticMessageChain, '\n')}`;
  });
}
