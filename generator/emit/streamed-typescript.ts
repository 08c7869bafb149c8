/**
 * A generated TypeScript file too large to hold whole (validators.ts: about 37 MB at 10,000
 * operations, and as much again in its views), rendered from its template with one list deferred
 * (render.ts DeferredList): the text around the list is rendered once, the list a slice at a time,
 * each slice formatted and handed on, so that only one slice's views and text exist at once.
 *
 * The text is that of `formatTypeScript(renderTemplate(name, { ...view, [key]: items.map(toView) }))`.
 * formatTypeScript keeps the top-level statements as they come, one blank line apart: formatting
 * the text before the list, each slice's and the text after it one by one, and joining them a
 * blank line apart, gives the same file, as long as each item's text starts a statement (as every
 * template's items do: their own blank line, then a line in column 0).
 */
import type { StreamedText } from '../file-content.js';
import { formatTypeScript } from './format.js';
import { DeferredList, renderTemplate } from './render.js';

/** Items rendered at once: enough that a slice costs little more than its items, few enough that it stays small. */
const SLICE = 256;

/** A template whose `view[key]` is a long list, rendered `{{#each}}` item by item. */
export interface ListTemplate<T> {
  name: string;
  /** The view but the list. */
  view: object;
  key: string;
  items: readonly T[];
  /** An item's view: made when its slice is rendered, garbage once it is. */
  toView: (item: T) => object;
}

export function streamedTypeScript<T>({ name, view, key, items, toView }: ListTemplate<T>, slice = SLICE): StreamedText {
  return async (write) => {
    const list = new DeferredList();
    const text = renderTemplate(name, { ...view, [key]: list });
    const at = text.indexOf(list.mark);
    if (at < 0) throw new Error(`template ${name} renders no {{#each ${key}}}`);
    let wrote = false;
    const put = async (part: string) => {
      if (!part.trim()) return;
      write(`${wrote ? '\n' : ''}${await formatTypeScript(part)}`);
      wrote = true;
    };
    await put(text.slice(0, at));
    if (!items.length) await put(list.render([]));
    for (let i = 0; i < items.length; i += slice) await put(list.render(items.slice(i, i + slice).map(toView)));
    await put(text.slice(at + list.mark.length));
    if (!wrote) write('\n'); // formatTypeScript's empty file
  };
}
