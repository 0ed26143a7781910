// Forks bench/bulk/child.ts and returns its report.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BulkReport } from './child.js';

const childFile = fileURLToPath(new URL('./child.ts', import.meta.url));

export async function runBulk(options: {
  url: string;
  clientId: number;
  lines: number;
  workers: number;
}): Promise<BulkReport> {
  const child = fork(childFile, [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let report: BulkReport | undefined;
    child.on('message', (m: { type: string; report: BulkReport }) => {
      if (m.type === 'report') report = m.report;
    });
    child.on('exit', (code) =>
      report ? resolve(report) : reject(new Error(`bulk bench process exited (${code}) without a report`)),
    );
  });
}
