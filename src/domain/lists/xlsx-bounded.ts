// Runs the XLSX parse (xlsx-worker.ts) in a worker thread with a heap limit and a deadline (finding 1 of
// issue 22): a spreadsheet that lies about its sizes, or takes too long, costs that thread and is refused
// «Файл поврежден или слишком большой»; this process and other users' updates go on. Called by the
// domain (readListRows); moving the call into a job row is the next step (the job's attempt cap then
// bounds redeliveries too).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../errors.js';
import type { SourceRow } from './types.js';
import type { XlsxAnswer, XlsxJob } from './xlsx-worker.js';
import { checkZip, unsafeFile, type ZipCaps } from './zip-guard.js';

export interface XlsxLimits extends ZipCaps {
  /** Data lines a list may have (plus one for a header). */
  maxLines: number;
  /** The worker's old-generation heap, MB. */
  parseMemoryMb: number;
  parseTimeoutMs: number;
}

// Under tsx (the bot, the worker, the CLI, the tests) the worker is the .ts source: a two-line bootstrap
// registers tsx in the thread, then imports it (a worker's --import is not applied to its entry module).
const source = import.meta.url.endsWith('.ts');
const workerUrl = new URL(source ? './xlsx-worker.ts' : './xlsx-worker.js', import.meta.url);
const tsxApi = source ? tsxEsmApi() : '';
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl.href)}); })`;

/** tsx's ESM register API, by its package's exports map (require.resolve would give the CommonJS one). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const pkg = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return new URL(pkg.exports['./esm/api']!.import.default, pathToFileURL(manifest)).href;
}

/** Rows of the first sheet; refuses before inflating anything when the zip's directory is out of bounds. */
export async function xlsxRowsBounded(content: Buffer, limits: XlsxLimits): Promise<SourceRow[]> {
  const entries = checkZip(content, limits);
  const job: XlsxJob = { content: new Uint8Array(content), entries, maxRows: limits.maxLines + 1 };
  const answer = await inWorker(job, limits);
  if ('tooManyRows' in answer) throw new DomainError('lists.tooManyLines', { max: limits.maxLines });
  if ('error' in answer) throw new DomainError(answer.error, answer.params);
  return answer.rows;
}

let started = 0;
/** Parse threads started by this process (tests check a refused bomb never got one). */
export const xlsxWorkersStarted = (): number => started;

function inWorker(job: XlsxJob, limits: XlsxLimits): Promise<XlsxAnswer> {
  started++;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source ? bootstrap : workerUrl, {
      eval: source,
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: limits.parseMemoryMb, maxYoungGenerationSizeMb: 16 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => settle(() => reject(unsafeFile())), limits.parseTimeoutMs);
    worker.once('message', (answer: XlsxAnswer) => settle(() => resolve(answer)));
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or any crash of the thread: the file is what broke it.
    worker.once('error', () => settle(() => reject(unsafeFile())));
    worker.once('exit', () => settle(() => reject(unsafeFile())));
  });
}
