/**
 * Everything one operation page shows, whatever form it is then written in: the parts
 * ServiceStack/src/ServiceStack/Metadata/BaseMetadataHandler.cs builds (authentication, routes,
 * parameter and enum tables, call info) and those ServiceStack/src/ServiceStack/Metadata/
 * OperationControl.cs adds (the sample request line: POST when any route allows it or all verbs,
 * else PUT, PATCH, GET, DELETE; the URI of the first route that allows POST or all verbs, else
 * the first route, else `/{format}/reply/Op`, or `/{format}/oneway/Op` without a response).
 */
import type { ApiSpec, OperationSpec } from './apis.js';
import { ApiTypes, routeVerbs, tableViews, type TableView } from './metadata.js';
import { jsonSample } from './sample-json.js';
import { formatJsv, jsvSample } from './sample-jsv.js';
import { populate } from './sample-values.js';
import { xmlSample } from './sample-xml.js';
import { TabTypes, type TabLanguage } from './tab-source.js';

export type Format = 'json' | 'xml' | 'jsv';

export interface RouteRow {
  /** `All Verbs`, or the verbs as written, upper-cased (`PATCH,PUT`). */
  verbs: string;
  path: string;
  summary: string;
  notes: string;
}

export interface PageView {
  service: string;
  host: string;
  operation: string;
  format: Format;
  /** Present when the operation requires authentication: the `td` cells of its one row. */
  auth?: string[];
  routes: RouteRow[];
  tables: TableView[];
  /** A language tab (`&lang=…`): its DTO source stands where the tables were. */
  tab?: { key: string; label: string; source: string };
  /** `POST /hello HTTP/1.1`, headers, then the body when the verb has one. */
  request: { line: string; headers: string[]; body?: string };
  /** The response body; absent for a one-way operation or one without a response type. */
  response?: string;
}

export const CONTENT_TYPES: Record<Format, string> = { json: 'application/json', xml: 'application/xml', jsv: 'text/jsv' };

export function pageView(api: ApiSpec, op: OperationSpec, format: Format, tab?: TabLanguage): PageView {
  const types = new ApiTypes(api);
  const message = (name: string) => {
    const type = types.resolveName(name);
    if (!type) throw new Error(`${api.key}: no type ${name}`);
    const sample = populate(types, type);
    if (sample.kind !== 'object') throw new Error(`${api.key}: ${name} populates to ${sample.kind}`);
    if (format === 'jsv') return formatJsv(jsvSample(api, sample));
    return format === 'json' ? jsonSample(api, sample) : xmlSample(types, sample);
  };
  const verb = sampleVerb(op);
  const withBody = verb === 'POST' || verb === 'PUT' || verb === 'PATCH';
  const type = CONTENT_TYPES[format];
  const headers = [`Host: ${api.host}`, `Accept: ${type}`, ...(withBody ? [`Content-Type: ${type}`, 'Content-Length: length'] : [])];
  return {
    service: api.service,
    host: api.host,
    operation: op.name,
    format,
    ...(op.auth ? { auth: authCells(op.auth) } : {}),
    routes: op.routes.map((r) => ({
      verbs: r.verbs === undefined ? 'All Verbs' : r.verbs.toUpperCase(),
      path: r.path,
      summary: r.summary ?? '',
      notes: r.notes ?? '',
    })),
    tables: tab ? [] : tableViews(types, op),
    ...(tab ? { tab: { key: tab.key, label: tab.label, source: tab.render(new TabTypes(api, op)) } } : {}),
    request: { line: `${verb} ${requestUri(op, format)} HTTP/1.1`, headers, ...(withBody ? { body: message(op.name) } : {}) },
    ...(op.response ? { response: message(op.response) } : {}),
  };
}

function authCells(auth: NonNullable<OperationSpec['auth']>): string[] {
  const plural = (n: number) => (n > 1 ? 's' : '');
  const roles = auth.roles ?? [];
  const permissions = auth.permissions ?? [];
  return [
    ...(roles.length ? [`Required role${plural(roles.length)}:`, roles.join(', ')] : []),
    ...(permissions.length ? [`Required permission${plural(permissions.length)}:`, permissions.join(', ')] : []),
  ];
}

function sampleVerb(op: OperationSpec): string {
  if (!op.routes.length) return 'POST';
  const verbs = new Set(op.routes.flatMap((r) => (r.verbs === undefined ? ['POST'] : routeVerbs(r.verbs))));
  return ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'].find((v) => verbs.has(v)) ?? 'POST';
}

function requestUri(op: OperationSpec, format: Format): string {
  if (!op.routes.length) return `/${format}/${op.response ? 'reply' : 'oneway'}/${op.name}`;
  const post = op.routes.find((r) => r.verbs === undefined || routeVerbs(r.verbs).includes('POST'));
  return (post ?? op.routes[0]!).path;
}
