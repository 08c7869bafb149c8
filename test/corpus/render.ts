/**
 * The corpus's page forms: each operation of each API written the way ServiceStack renders its
 * metadata page (HTML, JSON or XML flavour) and the way a copy of that page's text reads. Each
 * dump form copies the page format its seed was copied from: seed 000 (pipe, leading `|`) an XML
 * page, seed 002 (pipe, no leading `|`) a page with JSON bodies, seeds 001/003 (squashed) XML pages.
 */
import type { ApiSpec, OperationSpec } from './apis.js';
import { pageView, type Format, type PageView } from './page.js';
import { pipePage, squashedPage } from './render-dumps.js';
import { htmlPage } from './render-html.js';
import type { TabLanguage } from './tab-source.js';
import { DART } from './tabs/dart.js';
import { FSHARP, VBNET } from './tabs/dotnet-tabs.js';
import { JAVA, KOTLIN } from './tabs/jvm.js';
import { MJS } from './tabs/mjs.js';
import { SWIFT } from './tabs/swift.js';

/** The language tabs the corpus renders, each as the JSON page's HTML and as its squashed text. */
export const TABS: readonly TabLanguage[] = [KOTLIN, JAVA, SWIFT, DART, VBNET, FSHARP, MJS];

export type PageForm = 'html-json' | 'html-xml' | 'pipe-leading' | 'pipe-no-leading' | 'squashed' | `tab-${string}-html` | `tab-${string}-text`;

interface FormSpec {
  form: PageForm;
  format: Format;
  extension: string;
  write: (page: PageView) => string;
  tab?: TabLanguage;
}

const FORM_SPECS: readonly FormSpec[] = [
  { form: 'html-json', format: 'json', extension: 'json.html', write: htmlPage },
  { form: 'html-xml', format: 'xml', extension: 'xml.html', write: htmlPage },
  { form: 'pipe-leading', format: 'xml', extension: 'pipe.txt', write: (p) => pipePage(p, true) },
  { form: 'pipe-no-leading', format: 'json', extension: 'pipe.txt', write: (p) => pipePage(p, false) },
  { form: 'squashed', format: 'xml', extension: 'txt', write: squashedPage },
  ...TABS.flatMap((tab): FormSpec[] => [
    { form: `tab-${tab.key}-html`, format: 'json', extension: `${tab.key}.html`, write: htmlPage, tab },
    { form: `tab-${tab.key}-text`, format: 'json', extension: `${tab.key}.txt`, write: squashedPage, tab },
  ]),
];

export const FORMS: readonly PageForm[] = FORM_SPECS.map((f) => f.form);

export interface RenderedPage {
  file: string;
  text: string;
}

export function renderPage(api: ApiSpec, op: OperationSpec, form: PageForm): RenderedPage {
  const spec = FORM_SPECS.find((f) => f.form === form)!;
  return { file: `${api.key}/${op.name}.${spec.extension}`, text: spec.write(pageView(api, op, spec.format, spec.tab)) };
}

export function renderApi(api: ApiSpec, form: PageForm): RenderedPage[] {
  return api.operations.map((op) => renderPage(api, op, form));
}
