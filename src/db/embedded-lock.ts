// The embedded database (PGlite in PGLITE_DIR) is opened by one process only: two processes writing one
// folder corrupt it. The opener creates PGLITE_DIR/portal.lock exclusively with its pid; a second opener
// finds it held by a live process and is refused (the CLI then talks to that process over its socket,
// see src/cli/control.ts). A lock left by a process that died is taken over.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const LOCK_FILE = 'portal.lock';

export class EmbeddedDatabaseLocked extends Error {
  override name = 'EmbeddedDatabaseLocked';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the embedded database at ${dataDir} is open in process ${pid} (the bot?): one process at a time — stop it, or use DATABASE_URL`,
    );
  }
}

export interface EmbeddedLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lock files this process holds (by path): a second open in the same process is refused too. */
const held = new Set<string>();

/** The pid holding the lock of `dataDir` when that process is alive, else undefined. */
export function lockHolder(dataDir: string): number | undefined {
  const file = resolve(dataDir, LOCK_FILE);
  if (held.has(file)) return process.pid;
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  return isAlive(pid) ? pid : undefined;
}

/** Takes the lock of `dataDir` (which exists) or throws EmbeddedDatabaseLocked. */
export function acquireEmbeddedLock(dataDir: string): EmbeddedLock {
  const file = resolve(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    const holder = lockHolder(dataDir);
    if (holder !== undefined) throw new EmbeddedDatabaseLocked(dataDir, holder);
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 1) throw error;
      // Left by a process that is gone: taken over (the loop checks the holder again first).
      try {
        unlinkSync(file);
      } catch {
        // another opener removed it first
      }
    }
  }
  held.add(file);
  const release = () => {
    if (!held.delete(file)) return;
    process.off('exit', release);
    try {
      if (Number.parseInt(readFileSync(file, 'utf8'), 10) === process.pid) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  // A crash still removes it; after a SIGKILL the next opener finds its pid dead.
  process.on('exit', release);
  return { release };
}
