/**
 * Pass "service": the service's name (a page heading, else the index), the host its samples show
 * (SS059 where they differ) when it is a public one (public-host.ts; else SS086), and the base URL
 * codegen.config.json sets, which the generated package uses before that host.
 */
import type { DiagnosticBag } from '../diagnostics.js';
import type { IndexFragments, PageFragments } from '../read/fragments.js';
import type { ApiModel } from './api-model.js';
import { notPublicHost } from './public-host.js';

export function describeService(
  pages: readonly PageFragments[],
  indexes: readonly IndexFragments[],
  configuredBaseUrl: string | undefined,
  bag: DiagnosticBag,
): ApiModel['service'] {
  const name = pages.find((p) => p.serviceName)?.serviceName?.value ?? indexes.find((i) => i.serviceName)?.serviceName?.value;
  const hosts = pages.flatMap((p) => p.samples.flatMap((s) => s.headers.filter((h) => h.name.toLowerCase() === 'host')));
  const host = hosts[0]?.value;
  for (const h of hosts)
    if (h.value !== host) bag.warn('SS059', h.loc, `sample host '${h.value}' differs from '${host}' at ${hosts[0]!.loc.file}:${hosts[0]!.loc.line}`);
  const notPublic = host === undefined ? undefined : notPublicHost(host);
  if (notPublic && configuredBaseUrl === undefined)
    bag.warn(
      'SS086',
      hosts[0]!.loc,
      `sample host '${host}' is ${notPublic}, which users of the package cannot reach: not used as the base URL; set "baseUrl" in codegen.config.json`,
    );
  return {
    ...(name ? { name } : {}),
    ...(host && !notPublic ? { host } : {}),
    ...(configuredBaseUrl !== undefined ? { baseUrl: configuredBaseUrl } : {}),
  };
}

/** What the generated README and OpenAPI show where no base URL is known (with a note to configure one). */
export const PLACEHOLDER_BASE_URL = 'https://api.example.com';

/** The base URL the generated package starts from: the configured one, else the public sample host's; undefined when neither is known. */
export function serviceBaseUrl(service: ApiModel['service']): string | undefined {
  return service.baseUrl ?? (service.host ? `https://${service.host}` : undefined);
}
