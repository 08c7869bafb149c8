/**
 * Reads the "sample HTTP requests and responses" section of an operation page into request/response messages.
 * Two shapes occur: one line per header with a blank line before the body (seeds 001/003), and "collapsed" dumps
 * where the body follows the headers directly and the whole response sits on one line (seeds 000/002).
 */
import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { HttpHeader, HttpSampleFragment, SampleBody, SourceLine } from './fragments.js';
import { readJsonSample } from './json-sample.js';
import { readJsvSample } from './jsv-sample.js';
import { readXmlSample } from './xml-sample.js';
import { pushAll } from '../arrays.js';

const REQUEST_LINE = /^\s*([A-Z]+)\s+(\S+)\s+HTTP\/\d+(?:\.\d+)?\s*$/;
const STATUS_LINE = /^\s*HTTP\/\d+(?:\.\d+)?\s+(\d{3})\b/;
const HEADER_LINE = /^(\s*)([A-Za-z][\w-]*):\s*(.*?)\s*$/;
/** A ` Name: ` header token inside a collapsed response line. */
const HEADER_TOKEN = /(?<=^|\s)([A-Za-z][\w-]*):\s/g;

/**
 * Reads the sample section (the lines after its intro sentence, to the end of the page): messages in page order.
 * `pageFormat` is the format the page is for (its `?format=`): a `/jsv/` page's bodies are JSV even where no
 * Content-Type says so.
 */
export function readHttpSamples(file: string, lines: SourceLine[], bag: DiagnosticBag, pageFormat?: string): HttpSampleFragment[] {
  const messages = splitMessages(file, lines, bag);
  if (messages.length === 0) bag.warn('SS040', locOf(file, lines[0]), 'no sample HTTP message found');
  const jsvPage = pageFormat?.toLowerCase() === 'jsv';
  return messages.map(([start, ...rest]) => readMessage({ file, bag, jsvPage }, start!, rest));
}

/** What reading a message needs besides its lines. */
interface MessageContext {
  file: string;
  bag: DiagnosticBag;
  jsvPage: boolean;
}

/** Groups lines into messages: each starts at a request line (`PUT /x HTTP/1.1`) or a status line (`HTTP/1.1 200 OK`). */
function splitMessages(file: string, lines: SourceLine[], bag: DiagnosticBag): SourceLine[][] {
  const messages: SourceLine[][] = [];
  for (const line of lines) {
    if (REQUEST_LINE.test(line.text) || STATUS_LINE.test(line.text)) messages.push([line]);
    else if (messages.length > 0) messages.at(-1)!.push(line);
    else if (line.text.trim() !== '') bag.warn('SS040', locOf(file, line), 'unexpected text before the first sample message');
  }
  return messages;
}

function readMessage(ctx: MessageContext, start: SourceLine, rest: SourceLine[]): HttpSampleFragment {
  const { file } = ctx;
  const loc = locOf(file, start);
  const request = REQUEST_LINE.exec(start.text);
  const status = STATUS_LINE.exec(start.text);
  const sample: HttpSampleFragment = request
    ? { direction: 'request', verb: request[1]!, path: request[2]!, headers: [], loc }
    : { direction: 'response', status: Number(status![1]), headers: [], loc };

  // A collapsed response carries its headers and body on the status line itself.
  const inline = status ? splitStatusLine(file, start, status[0].length) : { headers: [] };
  pushAll(sample.headers, inline.headers);
  let bodyLines = rest;
  if (inline.body) bodyLines = [inline.body, ...rest];
  else {
    let i = 0;
    for (; i < rest.length; i++) {
      const header = readHeaderLine(file, rest[i]!);
      if (!header) break;
      sample.headers.push(header);
    }
    bodyLines = rest.slice(i);
  }
  const contentType = sample.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  const body = readBody(ctx, bodyLines, contentType);
  if (body) sample.body = body;
  return sample;
}

function readHeaderLine(file: string, line: SourceLine): HttpHeader | undefined {
  const m = HEADER_LINE.exec(line.text);
  if (!m) return undefined;
  return { name: m[2]!, value: m[3]!, loc: { file, line: line.line, column: m[1]!.length + 1 } };
}

/**
 * Splits what follows the status code on a collapsed line, `OK Content-Type: a/b Content-Length: length <body/>`:
 * each header value runs to the next ` Name:` token, and the body starts at the first `<`, `{` or `[`.
 * The body keeps its page columns: the text before it is blanked out rather than cut.
 */
function splitStatusLine(file: string, line: SourceLine, from: number): { headers: HttpHeader[]; body?: SourceLine } {
  const text = line.text;
  const bodyAt = text.slice(from).search(/[<{[]/);
  const headersEnd = bodyAt < 0 ? text.length : from + bodyAt;
  const tokens = [...text.slice(0, headersEnd).matchAll(HEADER_TOKEN)].filter((t) => t.index >= from);
  const headers = tokens.map((t, i): HttpHeader => {
    const valueEnd = tokens[i + 1]?.index ?? headersEnd;
    const value = text.slice(t.index + t[0].length, valueEnd).trim();
    return { name: t[1]!, value, loc: { file, line: line.line, column: t.index + 1 } };
  });
  if (bodyAt < 0) return { headers };
  return { headers, body: { text: ' '.repeat(headersEnd) + text.slice(headersEnd), line: line.line } };
}

/** Reads the body in the format its Content-Type names, else the one its first character shows (CSV pages show JSON). */
function readBody({ file, bag, jsvPage }: MessageContext, lines: SourceLine[], contentType: string | undefined): SampleBody | undefined {
  const first = lines.find((l) => l.text.trim() !== '');
  if (!first) return undefined;
  const loc = { file, line: first.line, column: first.text.search(/\S/) + 1 };
  const format = bodyFormat(contentType, first.text.trim()[0], jsvPage);
  if (format === 'xml') {
    const root = readXmlSample(file, lines, bag);
    if (root) return { format, root, loc };
  } else if (format === 'json') {
    const value = readJsonSample(file, lines, bag);
    if (value) return { format, value, loc };
  } else if (format === 'jsv') {
    const value = readJsvSample(file, lines, bag);
    if (value) return { format, value, loc };
  }
  // Text, or a body too broken to give a tree (already reported): keep it as written.
  return {
    format: 'text',
    text: lines
      .map((l) => l.text)
      .join('\n')
      .trim(),
    loc,
  };
}

/** By the Content-Type, else by the first character: `{` or `[` is JSV on a `/jsv/` page, JSON elsewhere (CSV pages show JSON). */
function bodyFormat(contentType: string | undefined, firstChar: string | undefined, jsvPage: boolean): SampleBody['format'] {
  const type = contentType?.toLowerCase() ?? '';
  if (type.includes('xml')) return 'xml';
  if (type.includes('json')) return 'json';
  if (type.includes('jsv')) return 'jsv';
  if (firstChar === '<') return 'xml';
  if (firstChar === '{' || firstChar === '[') return jsvPage ? 'jsv' : 'json';
  return 'text';
}

function locOf(file: string, line: SourceLine | undefined): SourceLocation {
  return { file, line: line?.line ?? 1 };
}
