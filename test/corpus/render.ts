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

export type PageForm = 'html-json' | 'html-xml' | 'pipe-leading' | 'pipe-no-leading' | 'squashed';

interface FormSpec {
  form: PageForm;
  format: Format;
  extension: string;
  write: (page: PageView) => string;
}

const FORM_SPECS: readonly FormSpec[] = [
  { form: 'html-json', format: 'json', extension: 'json.html', write: htmlPage },
  { form: 'html-xml', format: 'xml', extension: 'xml.html', write: htmlPage },
  { form: 'pipe-leading', format: 'xml', extension: 'pipe.txt', write: (p) => pipePage(p, true) },
  { form: 'pipe-no-leading', format: 'json', extension: 'pipe.txt', write: (p) => pipePage(p, false) },
  { form: 'squashed', format: 'xml', extension: 'txt', write: squashedPage },
];

export const FORMS: readonly PageForm[] = FORM_SPECS.map((f) => f.form);

export interface RenderedPage {
  file: string;
  text: string;
}

export function renderPage(api: ApiSpec, op: OperationSpec, form: PageForm): RenderedPage {
  const spec = FORM_SPECS.find((f) => f.form === form)!;
  return { file: `${api.key}/${op.name}.${spec.extension}`, text: spec.write(pageView(api, op, spec.format)) };
}

export function renderApi(api: ApiSpec, form: PageForm): RenderedPage[] {
  return api.operations.map((op) => renderPage(api, op, form));
}
