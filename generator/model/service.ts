/** Pass "service": the service's name (a page heading, else the index) and the host its samples show (SS059 where they differ). */
import type { DiagnosticBag } from '../diagnostics.js';
import type { IndexFragments, PageFragments } from '../read/fragments.js';
import type { ApiModel } from './api-model.js';

export function describeService(pages: readonly PageFragments[], indexes: readonly IndexFragments[], bag: DiagnosticBag): ApiModel['service'] {
  const name = pages.find((p) => p.serviceName)?.serviceName?.value ?? indexes.find((i) => i.serviceName)?.serviceName?.value;
  const hosts = pages.flatMap((p) => p.samples.flatMap((s) => s.headers.filter((h) => h.name.toLowerCase() === 'host')));
  const host = hosts[0]?.value;
  for (const h of hosts)
    if (h.value !== host) bag.warn('SS059', h.loc, `sample host '${h.value}' differs from '${host}' at ${hosts[0]!.loc.file}:${hosts[0]!.loc.line}`);
  return { ...(name ? { name } : {}), ...(host ? { host } : {}) };
}
