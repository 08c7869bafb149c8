import { readFileSync, readdirSync } from 'node:fs';
import { parseDocument } from 'htmlparser2';
const dir = '/tmp/perf/docs/html/';
const texts = readdirSync(dir).filter((f) => f !== 'metadata.html').map((f) => readFileSync(dir + f, 'utf8'));
const mode = process.argv[2] === 'raw' ? false : true;
for (let r = 0; r < 3; r++) {
  const s = performance.now();
  for (const t of texts) parseDocument(t, { xmlMode: false, decodeEntities: mode, withStartIndices: true, withEndIndices: true });
  console.log(mode ? 'decode' : 'raw', (performance.now() - s).toFixed(0));
}
