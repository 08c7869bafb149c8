/**
 * Reads an XML sample body into an XmlElement tree, with namespaces resolved and each element's start-tag location.
 * A small hand-written reader (no dependency): the samples are simple, and garbage must be reported, never thrown.
 */
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { SourceLine, XmlElement } from './fragments.js';
import { offsetLocator } from './json-sample.js';

const NAME = String.raw`[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?`;
const START_TAG = new RegExp(String.raw`<(${NAME})((?:\s+[^\s=/>"']+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>`, 'y');
const END_TAG = new RegExp(String.raw`</(${NAME})\s*>`, 'y');
const ATTRIBUTE = /([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g;
const NAMED_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);
/** Samples nest a few levels; deeper elements are reported and left out of the tree, so that no pass over it recurses without bound. */
export const MAX_XML_DEPTH = 64;
/** Problems reported one by one per sample; the rest are counted in one more warning. */
const MAX_XML_WARNINGS = 20;
/** Markup that carries no data: [opening, closing]. */
const SKIPPED: [string, string][] = [
  ['<!--', '-->'],
  ['<?', '?>'],
  ['<!', '>'], // <!DOCTYPE …>; CDATA is matched before this
];

/** Parses an XML sample body. Never throws: malformed XML gives SS041 warnings and the tree read so far. */
export function readXmlSample(file: string, lines: SourceLine[], bag: DiagnosticBag): XmlElement | undefined {
  const text = lines.map((l) => l.text).join('\n');
  const at = offsetLocator(file, lines);
  if (text.trim() === '') {
    bag.warn('SS041', at(0), 'empty XML sample');
    return undefined;
  }
  const root = new XmlReader(text, at, bag).read();
  if (!root) bag.warn('SS041', at(0), 'XML sample has no element');
  return root;
}

interface OpenElement {
  el: XmlElement;
  /** Prefix ('' = default namespace) → URI, inherited from the ancestors. */
  scope: Map<string, string>;
  text: string;
}

class XmlReader {
  private pos = 0;
  private root: XmlElement | undefined;
  private readonly stack: OpenElement[] = [];
  private readonly topScope = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  private tooDeep = false;
  /** Problems found; past MAX_XML_WARNINGS they are only counted, so that a garbage body cannot flood the report. */
  private problems = 0;

  constructor(
    private readonly text: string,
    private readonly at: (offset: number) => SourceLocation,
    private readonly bag: DiagnosticBag,
  ) {}

  read(): XmlElement | undefined {
    // Every step moves `pos` forward, so the loop always ends.
    while (this.pos < this.text.length) {
      const lt = this.text.indexOf('<', this.pos);
      const end = lt < 0 ? this.text.length : lt;
      this.addText(this.decode(this.text.slice(this.pos, end), this.pos), this.pos);
      if (lt < 0) break;
      this.pos = this.readMarkup(lt);
    }
    for (let open = this.stack.pop(); open; open = this.stack.pop()) {
      this.warn(open.el.loc, `<${open.el.name}> is not closed`);
      finish(open);
    }
    if (this.problems > MAX_XML_WARNINGS)
      this.bag.warn('SS041', this.at(0), `malformed XML sample: ${this.problems - MAX_XML_WARNINGS} more problems not listed`);
    return this.root;
  }

  /** Reads the markup starting at `lt` (a '<'); returns the offset after it. */
  private readMarkup(lt: number): number {
    const { text } = this;
    if (text.startsWith('<![CDATA[', lt)) {
      const close = this.expect(']]>', lt + 9, 'CDATA section');
      this.addText(text.slice(lt + 9, close), lt);
      return close + 3;
    }
    for (const [opening, closing] of SKIPPED) {
      if (text.startsWith(opening, lt)) return this.expect(closing, lt + opening.length, `'${opening}'`) + closing.length;
    }
    END_TAG.lastIndex = lt;
    const endTag = END_TAG.exec(text);
    if (endTag) {
      this.closeElement(endTag[1]!, lt);
      return END_TAG.lastIndex;
    }
    START_TAG.lastIndex = lt;
    const startTag = START_TAG.exec(text);
    if (startTag) {
      this.openElement(startTag[1]!, startTag[2]!, startTag[3] === '/', lt);
      return START_TAG.lastIndex;
    }
    // A lone '<' or a broken tag: report it and carry on after the '<'.
    this.warn(this.at(lt), `malformed tag '${text.slice(lt, lt + 30).split(/\s/)[0]}'`);
    return lt + 1;
  }

  /** Offset of `closing` at or after `from`; when missing, reports it and returns the end of the text. */
  private expect(closing: string, from: number, what: string): number {
    const found = this.text.indexOf(closing, from);
    if (found >= 0) return found;
    this.warn(this.at(from), `${what} is not closed by '${closing}'`);
    return this.text.length;
  }

  private openElement(name: string, rawAttributes: string, selfClosing: boolean, offset: number): void {
    const parent = this.stack.at(-1);
    // The parent's scope, shared, unless this element declares a namespace: then a copy of its own.
    let scope = parent?.scope ?? this.topScope;
    const attributes: XmlElement['attributes'] = [];
    for (const m of rawAttributes.matchAll(ATTRIBUTE)) {
      const value = this.decode(m[2] ?? m[3] ?? '', offset);
      const name = m[1]!;
      attributes.push({ name, value });
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
      if (scope === (parent?.scope ?? this.topScope)) scope = new Map(scope);
      scope.set(name === 'xmlns' ? '' : name.slice(6), value);
    }
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? undefined : name.slice(0, colon);
    const namespace = scope.get(prefix ?? '');
    const loc = this.at(offset);
    if (prefix !== undefined && namespace === undefined) this.warn(loc, `undeclared namespace prefix '${prefix}'`);
    const el: XmlElement = {
      name,
      ...(prefix !== undefined ? { prefix } : {}),
      localName: name.slice(colon + 1),
      ...(namespace !== undefined ? { namespace } : {}),
      attributes,
      children: [],
      loc,
    };
    if (this.stack.length >= MAX_XML_DEPTH) {
      // Still pushed below, so that end tags match; only the tree leaves it out.
      if (!this.tooDeep) this.warn(loc, `elements nested more than ${MAX_XML_DEPTH} levels deep are left out`);
      this.tooDeep = true;
    } else if (parent) parent.el.children.push(el);
    else if (!this.root) this.root = el;
    else this.warn(loc, `more than one root element: <${name}> is ignored`);
    if (!selfClosing) this.stack.push({ el, scope, text: '' });
  }

  /** Closes `name`; elements left open inside it are reported and closed too, a stray end tag is ignored. */
  private closeElement(name: string, offset: number): void {
    let index = this.stack.length - 1;
    while (index >= 0 && this.stack[index]!.el.name !== name) index--;
    if (index < 0) {
      this.warn(this.at(offset), `unexpected </${name}>`);
      return;
    }
    while (this.stack.length > index) {
      const open = this.stack.pop()!;
      if (this.stack.length > index) this.warn(open.el.loc, `<${open.el.name}> is not closed`);
      finish(open);
    }
  }

  private addText(text: string, offset: number): void {
    const open = this.stack.at(-1);
    if (open) open.text += text;
    else if (text.trim() !== '') this.warn(this.at(offset), 'text outside the root element');
  }

  /** Decodes the five XML entities and character references; anything else is kept as written and reported. */
  private decode(raw: string, offset: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(ENTITY, (whole, ref: string, index: number) => {
      const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : ref.startsWith('#') ? parseInt(ref.slice(1), 10) : NaN;
      const decoded = NAMED_ENTITIES.get(ref) ?? (code <= 0x10ffff ? String.fromCodePoint(code) : undefined);
      if (decoded === undefined) this.warn(this.at(offset + index), `unknown entity '${whole}'`);
      return decoded ?? whole;
    });
  }

  private warn(loc: SourceLocation, message: string): void {
    if (++this.problems > MAX_XML_WARNINGS) return;
    this.bag.warn('SS041', loc, `malformed XML sample: ${message}`);
  }
}

/** Keeps the text of a leaf element; whitespace between child elements is layout, not content. */
function finish(open: OpenElement): void {
  if (open.el.children.length === 0 && open.text.trim() !== '') open.el.text = open.text;
}
