/**
 * A language tab's DTO source (`&lang=…`), read by its language's reader into the page's
 * fragments: Python's classes, every other read tab's types. A tab this generator does not read
 * (PHP, Go, Rust, Ruby, Zig) is recognised and skipped with one note (SS097); the page's routes,
 * auth and samples are read as on any page.
 */
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import { readCSharpDtos } from './csharp-dtos.js';
import { readDartDtos } from './dart-dtos.js';
import { append } from './dto-source.js';
import type { DtoTypeFragment, PageFragments, SourceLine } from './fragments.js';
import { readFSharpDtos } from './fsharp-dtos.js';
import { readJavaDtos } from './java-dtos.js';
import { readJavaScriptDtos } from './javascript-dtos.js';
import { readKotlinDtos } from './kotlin-dtos.js';
import { readPythonDtos } from './python-dtos.js';
import { readSwiftDtos } from './swift-dtos.js';
import { isReadTab, tabLabel, type ReadTabLang, type TabLang } from './tab-languages.js';
import { readTypeScriptDtos } from './typescript-dtos.js';
import { readVbNetDtos } from './vbnet-dtos.js';

type DtoReader = (file: string, lines: SourceLine[], bag: DiagnosticBag) => DtoTypeFragment[];

const READERS: Record<Exclude<ReadTabLang, 'python'>, DtoReader> = {
  csharp: readCSharpDtos,
  typescript: readTypeScriptDtos,
  mjs: readJavaScriptDtos,
  kotlin: readKotlinDtos,
  java: readJavaDtos,
  swift: readSwiftDtos,
  dart: readDartDtos,
  vbnet: readVbNetDtos,
  fsharp: readFSharpDtos,
};

/** Reads the tab's source into `page`; `loc`: where the source starts, for the note on a tab not read. */
export function readDtoTab(page: PageFragments, lang: TabLang, lines: () => SourceLine[], bag: DiagnosticBag, loc: SourceLocation): void {
  if (!isReadTab(lang)) {
    bag.info(
      'SS097',
      loc,
      `the ${tabLabel(lang)} DTO source is not read (its tab is recognised; the page's routes and samples are); save the '&lang=csharp' page for the DTO facts`,
    );
    return;
  }
  if (lang === 'python') append(page.pythonClasses, readPythonDtos(page.file, lines(), bag));
  else append(page.dtoTypes, READERS[lang](page.file, lines(), bag));
}
