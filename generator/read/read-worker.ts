/** A page reader thread (read-in-parallel.ts): reads the files it is given, posts pages and diagnostics back. */
import { parentPort, workerData } from 'node:worker_threads';
import { DiagnosticBag } from '../diagnostics.js';
import { readPages, type InputFile } from './input.js';

const bag = new DiagnosticBag();
const pages = readPages(workerData as InputFile[], bag);
parentPort!.postMessage({ pages, diagnostics: bag.items });
