// `booster-codegen release` against a real registry (Verdaccio on 127.0.0.1): the package generated
// from a copy of the project's docs and output is published, installed by a fresh consumer project
// from the registry, imported and called; then the docs change (a member added, then one removed),
// each release's version moves as semver says, and the consumer upgrades to it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT, ROOT } from '../helpers.js';
import { tempDir } from '../temp-dirs.js';
import { startVerdaccio, TEST_SCOPE, type Registry } from './verdaccio.js';

const BIN = path.join(ROOT, 'bin/booster-codegen.js');
const NAME = `${TEST_SCOPE}/crm-client`;
const EXPORT_PAGE = readdirSync(INPUT).find((f) => f.startsWith('003_'))!;

let work: string;
let registry: Registry | undefined;
let skipped = '';

beforeAll(async () => {
  work = tempDir('booster-registry-');
  const started = await startVerdaccio(path.join(work, 'verdaccio'));
  if (typeof started === 'string') {
    skipped = started;
    console.warn(`release to a registry: skipped, Verdaccio cannot start here: ${started}`);
  } else registry = started;
}, 60_000);

afterAll(async () => {
  await registry?.stop();
});

function run(file: string, args: string[], cwd: string) {
  const r = spawnSync(file, args, { cwd, encoding: 'utf8', env: registry!.env });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}
const release = (args: string[], cwd: string) => run(process.execPath, [BIN, 'release', ...args], cwd);
const npm = (args: string[], cwd: string) => run('npm', [...args, '--registry', registry!.url, '--prefer-offline', '--no-audit', '--no-fund'], cwd);

/** A project as a user has it: its docs, the output generated from them, and a config naming the package (1.0.0, so that semver's major moves). */
function project(): string {
  const dir = path.join(work, 'project');
  cpSync(INPUT, path.join(dir, 'input'), { recursive: true });
  cpSync(path.join(ROOT, 'output'), path.join(dir, 'output'), {
    recursive: true,
    filter: (src) => !/[\\/](\.booster-codegen|dist|node_modules)$/.test(src),
  });
  writeFileSync(path.join(dir, 'codegen.config.json'), JSON.stringify({ packageName: NAME, packageVersion: '1.0.0' }));
  return dir;
}

function editPage(dir: string, edit: (text: string) => string): void {
  const file = path.join(dir, 'input', EXPORT_PAGE);
  const text = readFileSync(file, 'utf8');
  const next = edit(text);
  expect(next, 'the page edit applies').not.toBe(text);
  writeFileSync(file, next);
}

/** What the consumer sees of the installed package: its version, a validator's verdicts, SearchCustomer's members, the client. */
function useInConsumer(consumer: string) {
  const script = `
import { readFileSync } from 'node:fs';
import { BoosterClient, CreateCustomerSchema } from '${NAME}';
const dir = 'node_modules/${NAME}';
const valid = { privacyPolicyAcceptanceStorage: true, canBeContactedByMaison: true, clientType: 'PRIVATE', countryId: 'it',
  posCode: 'ES100:102048', brand: 'CAR', title: 'Mr.', lastName: 'Rossi', languageId: 'ita', gender: 'M' };
const spec = JSON.parse(readFileSync(dir + '/openapi.json', 'utf8'));
console.log(JSON.stringify({
  version: JSON.parse(readFileSync(dir + '/package.json', 'utf8')).version,
  valid: CreateCustomerSchema.is(valid),
  invalid: CreateCustomerSchema.is({ ...valid, brand: 42 }),
  searchMembers: Object.keys(spec.components.schemas.SearchCustomer.properties),
  client: typeof new BoosterClient({ baseUrl: 'http://127.0.0.1:9' }).createCustomer,
}));
`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { version: string; valid: boolean; invalid: boolean; searchMembers: string[]; client: string };
}

describe('release to a registry', () => {
  it('publishes, a consumer installs and calls it, and upgrades as the docs change: minor for a member added, major for one removed', (ctx) => {
    if (!registry) return ctx.skip(`Verdaccio cannot start here: ${skipped}`);
    const dir = project();

    // The registry the user's npm config names (no --registry).
    const first = release([], dir);
    expect(first.out).toContain(`published ${NAME}@1.0.0 to ${registry.url} (tag latest)`);
    expect(first.code, first.out).toBe(0);
    const again = release(['--quiet'], dir);
    expect(again.out).toMatch(new RegExp(`release refused: ${NAME}@1\\.0\\.0 is already on ${registry.url.replace(/[.]/g, '\\.')}`));
    expect(again.code).toBe(1);

    const consumer = path.join(work, 'consumer');
    mkdirSync(consumer);
    writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    expect(npm(['install', NAME], consumer).code).toBe(0);
    const v1 = useInConsumer(consumer);
    expect(v1).toMatchObject({ version: '1.0.0', valid: true, invalid: false, client: 'function' });
    expect(v1.searchMembers).toContain('email');
    expect(v1.searchMembers).not.toContain('nickname');

    // An optional member added: non-breaking, the minor moves.
    editPage(dir, (t) => t.replace(/^(emailformstring.*\n)/m, '$1nicknameformstringNoNickname\n'));
    const second = release(['--registry', registry.url], dir);
    expect(second.out).toContain('generated: version 1.0.0 -> 1.1.0, 1 API change(s)');
    expect(second.out).toContain(`published ${NAME}@1.1.0`);
    expect(second.code, second.out).toBe(0);
    expect(npm(['install', `${NAME}@latest`], consumer).code).toBe(0);
    expect(useInConsumer(consumer)).toMatchObject({ version: '1.1.0', searchMembers: expect.arrayContaining(['email', 'nickname']) });

    // A member removed: breaking, the major moves.
    editPage(dir, (t) => t.replace(/^emailformstringNo.*\n/m, '').replace(/^ *<email>String<\/email>\n/m, ''));
    const third = release([], dir);
    expect(third.out).toContain('generated: version 1.1.0 -> 2.0.0');
    expect(third.code, third.out).toBe(0);
    expect(npm(['install', `${NAME}@latest`], consumer).code).toBe(0);
    const v3 = useInConsumer(consumer);
    expect(v3).toMatchObject({ version: '2.0.0', valid: true, invalid: false });
    expect(v3.searchMembers).not.toContain('email');

    const versions = npm(['view', NAME, 'versions', '--json'], consumer);
    expect(JSON.parse(versions.out)).toEqual(['1.0.0', '1.1.0', '2.0.0']);
    const changelog = readFileSync(path.join(dir, 'output/CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/^## 2\.0\.0\n\n1 breaking,[\s\S]*`SearchCustomer\.email`[\s\S]*^## 1\.1\.0\n/m);
  }, 180_000);
});
