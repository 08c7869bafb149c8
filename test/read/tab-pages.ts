/**
 * An operation's page with a language tab (test/read/fixtures/tabs/<Op>.<lang>.txt: the DTO source
 * each of ServiceStack's generators writes for a small API, as `/types/<lang>` gives it, routes and
 * `IReturn<T>` included) where the tables were: as the HTML ServiceStack serves
 * (BaseMetadataHandler.cs) and as the text a copy of that page gives. GetCustomer: members of
 * every kind, an enum, a nested type; QueryCustomers: AutoQuery and a generic type.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.js';

export const TAB_FIXTURES = path.join(ROOT, 'test/read/fixtures/tabs');

/** The tabs with a fixture: ServiceStack's `lang=` key, the label of its link. */
export const FIXTURE_TABS: readonly { key: string; label: string }[] = [
  { key: 'kotlin', label: 'Kotlin' },
  { key: 'java', label: 'Java' },
  { key: 'swift', label: 'Swift' },
  { key: 'dart', label: 'Dart' },
  { key: 'vbnet', label: 'VB.NET' },
  { key: 'fsharp', label: 'F#' },
  { key: 'mjs', label: 'JavaScript' },
];

export function tabSource(key: string, op = 'GetCustomer'): string {
  return readFileSync(path.join(TAB_FIXTURES, `${op}.${key}.txt`), 'utf8');
}

const STATUS =
  '"responseStatus":{"errorCode":"String","message":"String","stackTrace":"String","errors":[{"errorCode":"String","fieldName":"String","message":"String","meta":{"String":"String"}}],"meta":{"String":"String"}}';

/** What the page says besides its tab: the operation, its routes (`GET /path`), the sample request line and response. */
export interface PageSpec {
  op: string;
  routes: string[];
  response: string;
}

export const GET_CUSTOMER: PageSpec = {
  op: 'GetCustomer',
  routes: ['GET /customers/{Id}', 'GET /customers/{Id}/profile'],
  response: `{"result":{"id":0,"name":"String","balance":0,"created":"\\/Date(-62135596800000-0000)\\/","key":"00000000000000000000000000000000"},${STATUS}}`,
};

export const QUERY_CUSTOMERS: PageSpec = {
  op: 'QueryCustomers',
  routes: ['GET /customers'],
  response: `{"offset":0,"total":0,"results":[{"id":0,"name":"String"}],"meta":{"String":"String"},${STATUS}}`,
};
const NAV = ['Metadata', 'C#', 'JavaScript', 'TypeScript', 'Dart', 'Java', 'Kotlin', 'Python', 'PHP', 'Swift', 'VB.NET', 'F#', 'Go', 'Rust', 'Ruby', 'Zig'];
const KEYS = ['csharp', 'mjs', 'typescript', 'dart', 'java', 'kotlin', 'python', 'php', 'swift', 'vbnet', 'fsharp', 'go', 'rust', 'ruby', 'zig'];

/** The page's text: heading, routes, the nav a link a line, the source, its link (unless `link` is false), call info and samples. */
export function tabTextPage(label: string, source: string, link = true, page = GET_CUSTOMER): string {
  return [
    'My App',
    '',
    '<back to all web services',
    '',
    page.op,
    '',
    'The following routes are available for this service:',
    ...page.routes.map((r) => r.replace(' ', '')),
    ...NAV,
    ...source.split('\n'),
    ...(link ? [`${label} ${page.op} DTOs`] : []),
    '',
    'To override the Content-type in your clients, use the HTTP Accept Header, append the .json suffix or ?format=json',
    '',
    'HTTP + JSON',
    '',
    'The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.',
    '',
    `${page.routes[0]} HTTP/1.1 `,
    'Host: api.example.org ',
    'Accept: application/json',
    'HTTP/1.1 200 OK',
    'Content-Type: application/json',
    'Content-Length: length',
    '',
    page.response,
  ].join('\n');
}

/** The page as ServiceStack serves it; `codeClass`: the `<code>`'s language class (its key unless given). */
export function tabHtmlPage(key: string, label: string, source: string, codeClass = key, page = GET_CUSTOMER): string {
  const nav = KEYS.map((k, i) => `<a ${k === key ? ' class="active"' : ''} href="?op=${page.op}&lang=${k}">${NAV[i + 1]}</a>`).join('\n');
  const routes = page.routes.map((r) => r.split(' ')).map(([verb, path]) => `<tr><th>${verb}</th><th>${path}</th><td></td><td><i></i></td></tr>`);
  const code = source.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<!DOCTYPE html>
<html lang="en">
<head><title>My App</title></head>
<body>
    <h1>My App</h1>
    <div class="operation">
    <div>
        <p><a href="http://localhost:5001/metadata">&lt;back to all web services</a></p>
        <h2>${page.op}</h2>
<table class='routes'><caption>The following routes are available for this service:</caption><tbody>${routes.join('')}<tbody></tbody></table>
<div class="types-nav"><nav class="flex space-x-4">
<a  href='?op=${page.op}'>Metadata</a>
${nav}
</nav></div>
<link href="http://localhost:5001/css/ui-highlight.css" rel="stylesheet" />
<pre style="padding-left:1rem;"><code class="language-${codeClass}" lang="${codeClass}">${code}</code></pre>
<p><a href="http://localhost:5001/types/${key}?IncludeTypes=${page.op}.*">${label} ${page.op} DTOs</a></p>
<div class="call-info"><p>To override the Content-type in your clients, use the HTTP <b>Accept</b> Header, append  the <b>.json</b> suffix or  <b>?format=json</b></p></div>
        <div class="example">
        <h3>HTTP + JSON</h3>
<div class="request">
<pre>
${page.routes[0]} HTTP/1.1 
Host: api.example.org 
Accept: application/json
</pre>
</div>
<div class="response">
<pre>
HTTP/1.1 200 OK
Content-Type: application/json
Content-Length: length

${html(page.response)}
</pre>
</div>
        </div>
    </div>
    </div>
</body>
</html>`;
}
