/**
 * The base URL from the samples' `Host:` (model/service.ts, public-host.ts): used only when it is
 * a public name; a local or private one is reported (SS086) and the README and OpenAPI say to
 * configure `baseUrl`, which codegen.config.json can set. Pages of public ServiceStack DTOs
 * rendered as ServiceStack renders them, in every form.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig, type CodegenConfig } from '../../generator/config.js';
import { notPublicHost } from '../../generator/model/public-host.js';
import { APIS } from '../corpus/apis.js';
import type { PageView } from '../corpus/page.js';
import { renderAll } from '../hostile/harness.js';
import { PAGE_FORMS, pageFile } from './page-forms.js';

describe('notPublicHost', () => {
  it.each([
    { given: 'techstacks.io', want: undefined },
    { given: 'dev-api-booster.richemont.com:443', want: undefined },
    { given: '8.8.8.8', want: undefined },
    { given: '172.32.0.1', want: undefined },
    { given: '10.10.0.107', want: 'a private address' },
    { given: '192.168.1.20:8080', want: 'a private address' },
    { given: '172.20.1.1', want: 'a private address' },
    { given: '127.0.0.1:5000', want: 'a loopback address' },
    { given: '169.254.10.1', want: 'a link-local address' },
    { given: '[::1]:5001', want: 'a loopback address' },
    { given: 'fe80::1', want: 'a link-local address' },
    { given: 'fd12:3456::1', want: 'a private (unique local) address' },
    { given: '::ffff:10.0.0.1', want: 'a private address' },
    { given: 'localhost:5001', want: 'a name of the local machine or network' },
    { given: 'api.localhost', want: 'a name of the local machine or network' },
    { given: 'buildbox.local', want: 'a name of the local machine or network' },
    { given: 'crm-server', want: 'a name without a domain (an intranet name)' },
  ])('$given → $want', ({ given, want }) => {
    expect(notPublicHost(given)).toBe(want);
  });
});

const withHost =
  (host: string) =>
  (p: PageView): PageView => ({ ...p, request: { ...p.request, headers: p.request.headers.map((h) => (h.startsWith('Host:') ? `Host: ${host}` : h)) } });

async function generated(host: string, form: string, config?: CodegenConfig) {
  const api = APIS.find((a) => a.key === 'northwind')!;
  const { model, files } = await renderAll([pageFile(api, api.operations[0]!, 'json', form, withHost(host))], config);
  const openapi = JSON.parse(files.get('openapi.json')!) as { servers: { url: string; description?: string }[] };
  return { model, readme: files.get('README.md')!, servers: openapi.servers, ss086: model.diagnostics.filter((d) => d.code === 'SS086') };
}

describe('the base URL', () => {
  it('is the public host the samples show, in every form', async () => {
    for (const form of Object.keys(PAGE_FORMS)) {
      const { model, readme, servers, ss086 } = await generated('northwind.netcore.io', form);
      expect(model.service.host, form).toBe('northwind.netcore.io');
      expect(readme, form).toContain("baseUrl: 'https://northwind.netcore.io',\n");
      expect(servers, form).toEqual([{ url: 'https://northwind.netcore.io' }]);
      expect(ss086, form).toEqual([]);
    }
  });

  it('is never a local or private host: SS086, and the README and OpenAPI say to configure baseUrl', async () => {
    for (const form of Object.keys(PAGE_FORMS))
      for (const host of ['10.10.0.107', 'localhost:5001']) {
        const { model, readme, servers, ss086 } = await generated(host, form);
        expect(model.service.host, `${form} ${host}`).toBeUndefined();
        expect(
          ss086.map((d) => d.message),
          `${form} ${host}`,
        ).toEqual([expect.stringContaining(`sample host '${host}'`)]);
        expect(readme).toContain("baseUrl: 'https://api.example.com', // configure baseUrl");
        expect(servers).toEqual([expect.objectContaining({ url: '{baseUrl}', description: expect.stringContaining('configure baseUrl') })]);
      }
  });

  it('is the one codegen.config.json sets, over any sample host, and then no SS086', async () => {
    const config = parseConfig({ baseUrl: 'https://crm.example.org/api' }, 'codegen.config.json');
    for (const host of ['10.10.0.107', 'northwind.netcore.io']) {
      const { readme, servers, ss086 } = await generated(host, 'html', config);
      expect(readme).toContain("baseUrl: 'https://crm.example.org/api',\n");
      expect(servers).toEqual([{ url: 'https://crm.example.org/api' }]);
      expect(ss086).toEqual([]);
    }
    expect(() => parseConfig({ baseUrl: 'crm.example.org' }, 'codegen.config.json')).toThrow(/baseUrl: must be an absolute http\(s\) URL/);
  });
});
