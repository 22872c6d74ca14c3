import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRootLogger, createSilentLogger } from '../../../main/log/logger.js';
import { acquireDataDirLock, DataDirLockError, isProcessAlive, LOCK_FILE_NAME } from '../../../main/storage/dataDirLock.js';

/** Pid of a real process that has already exited, so it is dead. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

/** Collects the `msg` of every log line. */
function capturedMessages(): { messages: string[]; stream: Writable } {
  const messages: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) messages.push((JSON.parse(line) as { msg: string }).msg);
      done();
    },
  });
  return { messages, stream };
}

describe('acquireDataDirLock', () => {
  let dir: string;
  let lockFile: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-lock-'));
    lockFile = path.join(dir, LOCK_FILE_NAME);
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the pid and removes it on release', () => {
    const lock = acquireDataDirLock(dir, createSilentLogger());
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    expect(lock.tookOverStaleLock).toBe(false);
    lock.release();
    expect(fs.existsSync(lockFile)).toBe(false);
    // A second release is harmless, and the folder can be locked again.
    lock.release();
    acquireDataDirLock(dir, createSilentLogger()).release();
  });

  it('rejects a lock of a live process', async () => {
    // A real second process that only sleeps is the other PlayAisle.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      fs.writeFileSync(lockFile, `${other.pid}\n`);
      let caught: unknown;
      try {
        acquireDataDirLock(dir, createSilentLogger());
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DataDirLockError);
      expect((caught as DataDirLockError).code).toBe('data_dir_in_use');
      expect((caught as Error).message).toContain(`pid ${other.pid}`);
      expect((caught as Error).message).toContain('--data-dir');
      // The other process's lock is left as it was.
      expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(other.pid));
    } finally {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
    }
  });

  it('rejects a second lock in one process', () => {
    const lock = acquireDataDirLock(dir, createSilentLogger());
    try {
      expect(() => acquireDataDirLock(dir, createSilentLogger())).toThrow(/already using the data folder/);
    } finally {
      lock.release();
    }
  });

  it.each([
    ['a dead pid', () => `${deadPid()}\n`], // the owner was killed (SIGKILL, power cut)
    ['no pid', () => ''], // the owner died between creating and writing the file
    ['not a pid', () => 'hello\n'], // written by something else
    ['this pid, not held', () => `${process.pid}\n`], // an earlier process had this pid (container restart)
  ])('takes over a lock with %s', (_case, content) => {
    fs.writeFileSync(lockFile, content());
    const logs = capturedMessages();
    const lock = acquireDataDirLock(dir, createRootLogger({ destination: logs.stream }));
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    expect(logs.messages).toContain('taking over a stale lock file left by a process that is no longer running');
    expect(lock.tookOverStaleLock).toBe(true);
    lock.release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('keeps a lock taken over by another process', () => {
    const lock = acquireDataDirLock(dir, createSilentLogger());
    // Another instance presumed this one dead and took the lock over.
    fs.writeFileSync(lockFile, '999999\n');
    lock.release();
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe('999999');
  });

  it('reports an unwritable folder', () => {
    const missing = path.join(dir, 'no-such-folder');
    expect(() => acquireDataDirLock(missing, createSilentLogger())).toThrow(/Cannot create the lock file .*no-such-folder/);
  });
});

describe('isProcessAlive', () => {
  it.each([
    ['this process', process.pid, true],
    ['an exited process', deadPid(), false],
  ])('%s', (_case, pid, alive) => {
    expect(isProcessAlive(pid)).toBe(alive);
  });
});
