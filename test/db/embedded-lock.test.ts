// Issue 25 item 2: one process per embedded database folder. A second opener (in this process or
// another) is refused while the holder lives; a lock left by a dead process is taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireEmbeddedLock, EmbeddedDatabaseLocked, LOCK_FILE, lockHolder } from '../../src/db/embedded-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'portal-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database lock', () => {
  it('is held by this process until released; a second take is refused', () => {
    const lock = acquireEmbeddedLock(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    expect(lockHolder(dir)).toBe(process.pid);
    expect(() => acquireEmbeddedLock(dir)).toThrow(EmbeddedDatabaseLocked);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(lockHolder(dir)).toBeUndefined();
  });

  it('a lock of a live other process is refused with its pid', () => {
    // The parent of this test process (vitest) is alive and is not us.
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid}\n`);
    expect(lockHolder(dir)).toBe(process.ppid);
    expect(() => acquireEmbeddedLock(dir)).toThrow(expect.objectContaining({ pid: process.ppid }));
    rmSync(join(dir, LOCK_FILE));
  });

  it('a lock left by a dead process is taken over', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, LOCK_FILE), `${dead}\n`);
    expect(lockHolder(dir)).toBeUndefined();
    const lock = acquireEmbeddedLock(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });
});
