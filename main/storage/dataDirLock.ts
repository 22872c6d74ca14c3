/**
 * One PlayAisle per data folder. Two instances on one folder would both open
 * playaisle.db for writing and both count the same cameras, so start-up takes
 * `playaisle.lock` (the owner's pid as text) and a second start is rejected.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log/logger.js';

export const LOCK_FILE_NAME = 'playaisle.lock';

/**
 * Lock files this process holds. A lock file with this process's own pid is
 * either held here (a second start in one process, as tests do) or stale from
 * an earlier process that had the same pid (pids repeat across container
 * restarts). Only this process-wide record distinguishes the two.
 */
const heldByThisProcess = new Set<string>();

/** Failure to lock the data folder: another live process holds it, or the lock file cannot be created. */
export class DataDirLockError extends Error {
  constructor(
    readonly code: 'data_dir_in_use' | 'data_dir_lock_failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DataDirLockError';
  }
}

export interface DataDirLock {
  readonly file: string;
  /**
   * Whether a stale lock was taken over, so the previous run ended without a
   * clean stop (killed, crashed or a power cut) and may have lost its open minute.
   */
  readonly tookOverStaleLock: boolean;
  /** Deletes the lock file if this process still owns it; safe to call twice. */
  release(): void;
}

/**
 * Creates `<dataDir>/playaisle.lock` with this process's pid. An existing lock
 * whose pid is alive, or that this process holds, raises `data_dir_in_use`.
 * A lock whose pid is dead, or that contains no pid, is stale (the owner was
 * killed) and is taken over.
 *
 * NOTE: a dead owner's pid may have been reused by an unrelated process, which
 * then looks like a running PlayAisle. The error message asks the user to
 * delete the lock file in that case.
 */
export function acquireDataDirLock(dataDir: string, logger: Logger, pid: number = process.pid): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  // Two attempts: the second follows the removal of a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file, pid)) {
      heldByThisProcess.add(file);
      logger.info({ file, pid }, 'data folder locked');
      return { file, tookOverStaleLock: attempt > 0, release: () => releaseLock(file, pid, logger) };
    }
    const ownerPid = readOwnerPid(file);
    if (ownerPid !== null && isHeld(file, ownerPid, pid)) {
      throw new DataDirLockError(
        'data_dir_in_use',
        `Another PlayAisle (pid ${ownerPid}) is already using the data folder ${dataDir}. `
          + `Stop it first, or start this one with a different --data-dir. If no PlayAisle runs with pid ${ownerPid}, delete ${file} and start again.`,
      );
    }
    logger.warn({ file, stalePid: ownerPid }, 'taking over a stale lock file left by a process that is no longer running');
    removeIfPresent(file);
  }
  throw new DataDirLockError('data_dir_lock_failed', `Cannot take the lock file ${file}: another process keeps recreating it. Stop the other PlayAisle and start again.`);
}

/** Creates the lock file exclusively; false when it already exists. Other errors (permissions, full disk) raise. */
function tryCreate(file: string, pid: number): boolean {
  try {
    fs.writeFileSync(file, `${pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new DataDirLockError(
      'data_dir_lock_failed',
      `Cannot create the lock file ${file}: ${(error as Error).message}. Check that the data folder is writable and the disk is not full.`,
      { cause: error },
    );
  }
}

/** Reads the pid in the lock file; null when the file is gone, empty or not a pid (a crash during the write). */
function readOwnerPid(file: string): number | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function isHeld(file: string, ownerPid: number, pid: number): boolean {
  if (ownerPid === pid) return heldByThisProcess.has(file);
  return isProcessAlive(ownerPid);
}

/** Signal 0 checks that the pid exists without signalling it; EPERM means it exists under another user. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseLock(file: string, pid: number, logger: Logger): void {
  if (!heldByThisProcess.delete(file)) return;
  // A lock taken over by another process after this one was presumed dead is not ours to delete.
  if (readOwnerPid(file) !== pid) return;
  removeIfPresent(file);
  logger.info({ file, pid }, 'data folder unlocked');
}

function removeIfPresent(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
