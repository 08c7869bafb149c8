import { Project, ts } from 'ts-morph';

/** Type-checks files under `tsc --strict`; returns the diagnostics as `file:line message` lines. */
export function strictDiagnostics(files: string[]): string[] {
  const project = new Project({
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
  for (const f of files) project.addSourceFileAtPath(f);
  project.resolveSourceFileDependencies();
  return project.getPreEmitDiagnostics().map((d) => {
    const file = d.getSourceFile()?.getFilePath() ?? '';
    return `${file}:${d.getLineNumber() ?? 0} ${ts.flattenDiagnosticMessageText(d.getMessageText() as string | ts.DiagnosticMessageChain, '\n')}`;
  });
}
