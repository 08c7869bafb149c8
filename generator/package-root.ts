/** The generator's own folders, found from this module whether it runs from generator/ or dist/generator/. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function findUp(start: string, test: (dir: string) => boolean): string {
  let dir = start;
  while (!test(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** The folder holding package.json and templates/. */
export const PACKAGE_ROOT = findUp(here, (d) => existsSync(path.join(d, 'templates')) && existsSync(path.join(d, 'package.json')));
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
/** The folder of the generator's running modules (generator/ or dist/generator/). */
export const GENERATOR_DIR = here;
