/**
 * The page forms a metadata page is saved in, each written as ServiceStack renders the page
 * (test/corpus/page.ts) and as a copy of it reads: HTML, pipe dumps with and without a leading
 * `|`, squashed text. For tests that render pages of one format in every form, or change a page first.
 */
import type { ApiSpec, OperationSpec } from '../corpus/apis.js';
import { pageView, type Format, type PageView } from '../corpus/page.js';
import { pipePage, squashedPage } from '../corpus/render-dumps.js';
import { htmlPage } from '../corpus/render-html.js';
import type { InputFile } from '../../generator/read/input.js';

export const PAGE_FORMS: Readonly<Record<string, (p: PageView) => string>> = {
  html: htmlPage,
  'pipe, leading |': (p) => pipePage(p, true),
  'pipe, no leading |': (p) => pipePage(p, false),
  squashed: squashedPage,
};

/** One operation's page in `format`, written in `form`, after `change`. */
export function pageFile(api: ApiSpec, op: OperationSpec, format: Format, form: string, change: (p: PageView) => PageView = (p) => p): InputFile {
  const extension = form === 'html' ? 'html' : 'txt';
  return { file: `${api.key}/${op.name}.${format}.${extension}`, text: PAGE_FORMS[form]!(change(pageView(api, op, format))) };
}
