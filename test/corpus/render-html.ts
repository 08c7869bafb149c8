/**
 * The HTML operation page: the markup ServiceStack/src/ServiceStack/Metadata/BaseMetadataHandler.cs
 * builds (`ProcessOperationsAsync`, `AppendType`) inside ServiceStack/src/ServiceStack/Templates/
 * OperationControl.html, with the request and response of ServiceStack/src/ServiceStack/Metadata/
 * OperationControl.cs. Kept as ServiceStack writes it, quirks included: the stray `<tbody>` after
 * the routes, the double space in `<a  href=…>`, descriptions written unescaped, names and data
 * types through `ConvertToHtml` (only `<`, `>` and newlines), samples through `HtmlEncode`. The
 * template's long `<style>` block is left out (no reader looks at it).
 */
import type { EnumRow, ParamRow, TableView } from './metadata.js';
import { CONTENT_TYPES, type PageView } from './page.js';

const LANGUAGES: [string, string][] = [
  ['csharp', 'C#'],
  ['mjs', 'JavaScript'],
  ['typescript', 'TypeScript'],
  ['dart', 'Dart'],
  ['java', 'Java'],
  ['kotlin', 'Kotlin'],
  ['python', 'Python'],
  ['php', 'PHP'],
  ['swift', 'Swift'],
  ['vbnet', 'VB.NET'],
  ['fsharp', 'F#'],
  ['go', 'Go'],
  ['rust', 'Rust'],
  ['ruby', 'Ruby'],
  ['zig', 'Zig'],
];

const NAV_STYLE = `
<style>
.flex { display:flex }
.space-x-4 > * + * { margin-left: 1rem }
.types-nav a.active { background-color: rgb(243 244 246); color: rgb(55 65 81) }
</style>`;

const convertToHtml = (s: string) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br />\n');
const htmlEncode = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function htmlPage(p: PageView): string {
  const base = `https://${p.host}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />\t
<title>${p.service}</title>
</head>
<body>
    <a id="logo" href="https://servicestack.net" title="ServiceStack"></a>
    <h1>${p.service}</h1>
    
    <div class="operation">
    <div>
        <p><a href="${base}/metadata">&lt;back to all web services</a></p>
        <h2>${p.operation}</h2>
        

\t\t${metadataHtml(p)}

\t\t<div class="example">
        <!-- REST Examples -->

        <h3>HTTP + ${p.format.toUpperCase()}</h3>
        <p> The following are sample HTTP requests and responses. 
            The placeholders shown need to be replaced with actual values.</p>

<div class="request">
<pre>
${requestTemplate(p)}
</pre>
</div>

${responseTemplate(p)}

        </div>
    </div>
    </div>
</body>
</html>`;
}

function metadataHtml(p: PageView): string {
  const sb: string[] = [];
  if (p.auth) {
    sb.push(
      "<table class='authentication'><caption><b>Requires Authentication</b><i class='auth' style='display:inline-block;margin:0 0 -4px 5px;'></i></caption>\n",
    );
    sb.push(
      `<tr>${pairs(p.auth)
        .map(([label, value]) => `<td>${label}</td><td>${value}</td>`)
        .join('')}</tr></table>`,
    );
  }
  if (p.routes.length) {
    sb.push("<table class='routes'><caption>The following routes are available for this service:</caption><tbody>");
    for (const r of p.routes) sb.push(`<tr><th>${r.verbs}</th><th>${r.path}</th><td>${r.summary}</td><td><i>${r.notes}</i></td></tr>`);
    sb.push('<tbody></tbody></table>');
  }
  sb.push(NAV_STYLE, '<div class="types-nav"><nav class="flex space-x-4">\n');
  const active = (key?: string) => (key === p.tab?.key ? ' class="active"' : '');
  sb.push(`<a ${active()} href='?op=${p.operation}'>Metadata</a>\n`);
  for (const [key, label] of LANGUAGES) sb.push(`<a ${active(key)} href="?op=${p.operation}&lang=${key}">${label}</a>\n`);
  sb.push('</nav></div>\n');
  sb.push(...(p.tab ? [tabHtml(p, p.tab)] : p.tables.map(tableHtml)));
  sb.push('<div class="call-info">');
  sb.push(
    `<p>To override the Content-type in your clients, use the HTTP <b>Accept</b> Header, append  the <b>.${p.format}</b> suffix or  <b>?format=${p.format}</b></p>`,
  );
  if (p.format === 'json') sb.push('<p>To embed the response in a <b>jsonp</b> callback, append <b>?callback=myCallback</b></p>');
  sb.push('</div>');
  return sb.join('');
}

/** A language tab: the generated source (`HtmlEncodeLite`: only `<` and `>`), the link to it, the highlighter. */
function tabHtml(p: PageView, tab: NonNullable<PageView['tab']>): string {
  const base = `https://${p.host}`;
  const code = tab.source.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<link href="${base}/css/ui-highlight.css" rel="stylesheet" />
<pre style="padding-left:1rem;"><code class="language-${tab.key}" lang="${tab.key}">${code}</code></pre>
<p><a href="${base}/types/${tab.key}?IncludeTypes=${p.operation}.*">${tab.label} ${p.operation} DTOs</a></p>
<script type="module">
import hljs from "${base}/js/highlight.mjs"
hljs.highlightAll()
</script>
`;
}

function pairs(cells: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < cells.length; i += 2) out.push([cells[i]!, cells[i + 1]!]);
  return out;
}

function tableHtml(t: TableView): string {
  const caption = `<caption><b>${convertToHtml(t.caption)}</b> ${t.kind === 'enum' ? 'Enum' : 'Parameters'}:</caption>`;
  if (t.kind === 'enum') {
    const head = t.hasValues ? '<thead><tr><th>Name</th><th>Value</th><th></th></tr></thead>' : '';
    return `<table class='enum'>${caption}${head}<tbody>${t.rows.map((r) => enumRow(r, t.hasValues)).join('')}</tbody></table>`;
  }
  const head = '<thead><tr><th>Name</th><th>Parameter</th><th>Data Type</th><th>Required</th><th>Description</th></tr></thead>';
  return `<table class='params'>${caption}${head}<tbody>${t.rows.map(paramRow).join('')}</tbody></table>`;
}

function enumRow(r: EnumRow, hasValues: boolean): string {
  return `<tr><td>${r.name}</td>${hasValues ? `<td>${r.value}</td>` : ''}<td>${r.description}</td></tr>`;
}

function paramRow(r: ParamRow): string {
  return `<tr><td>${convertToHtml(r.name)}</td><td>${r.parameter}</td><td>${convertToHtml(r.dataType)}</td><td>${r.required}</td><td>${r.description}</td></tr>`;
}

/** `HttpRequestTemplateWithBody` / `WithoutBody`: note the spaces ending the first two lines. */
function requestTemplate(p: PageView): string {
  const [host, accept, ...rest] = p.request.headers;
  const head = [`${p.request.line} `, `${host} `, accept!];
  if (p.request.body === undefined) return head.join('\n');
  const more = rest.map((h) => (h === 'Content-Length: length' ? 'Content-Length: <span class="value">length</span>' : h));
  return [...head, ...more, '', htmlEncode(p.request.body)].join('\n');
}

function responseTemplate(p: PageView): string {
  if (p.response === undefined) return '';
  const type = CONTENT_TYPES[p.format];
  return `\n<div class="response">\n<pre>\nHTTP/1.1 200 OK\nContent-Type: ${type}\nContent-Length: length\n\n${htmlEncode(p.response)}\n</pre>\n</div>\n`;
}
