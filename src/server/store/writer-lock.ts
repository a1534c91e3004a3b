import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * One writer per SQLite file. A second server on the same file would start, then one of the two
 * fails every save (each keeps its own head of the chain), so the second refuses to start
 * instead. The lock is a file beside the database, `<file>-writer.lock`, created with O_EXCL (so
 * two starting at once cannot both get it) and holding the owner's pid; a lock whose pid is gone
 * on this machine was left by a killed server and is taken over.
 */
export type WriterLock = { file: string; release: () => void };

type Owner = { pid: number; host: string; since: string };

export class WriterLockRefused extends Error {
  constructor(
    readonly databaseFile: string,
    readonly owner: Owner,
  ) {
    super(
      `registret ${databaseFile} används redan av en annan Vägval-process (pid ${owner.pid} på ${owner.host}, sedan ${owner.since}): stoppa den först, eller starta med en egen datamapp. ` +
        `/ The register ${databaseFile} is already in use by another Vägval process (pid ${owner.pid} on ${owner.host}, since ${owner.since}): stop it first, or start with a data folder of its own.`,
    );
    this.name = 'WriterLockRefused';
  }
}

export const writerLockFile = (databaseFile: string) => `${databaseFile}-writer.lock`;

/** Locks held by this process, so that the same file opened twice in one process is refused too. */
const heldHere = new Set<string>();

export function takeWriterLock(databaseFile: string): WriterLock {
  const file = writerLockFile(databaseFile);
  const mine: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const text = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, text, { flag: 'wx', mode: 0o644 });
      heldHere.add(file);
      const release = () => {
        process.off('exit', release);
        if (!heldHere.delete(file)) return;
        try {
          // Only our own lock: a takeover after we were thought dead is not ours to remove.
          if (readFileSync(file, 'utf8') === text) unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
      process.once('exit', release);
      return { file, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner && (heldHere.has(file) || isAlive(owner))) throw new WriterLockRefused(databaseFile, owner);
    // Left by a process that is gone (or unreadable, half written by one killed while writing it).
    try {
      unlinkSync(file);
    } catch {
      // Another starting process removed it first; the next attempt sees who won.
    }
  }
  throw new WriterLockRefused(databaseFile, readOwner(file) ?? { pid: 0, host: 'okänd / unknown', since: '?' });
}

function readOwner(file: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<Owner>;
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' ? { pid: owner.pid!, host: owner.host, since: String(owner.since ?? '?') } : null;
  } catch {
    return null;
  }
}

/** Whether the lock's owner still runs. On another machine (a shared folder) that cannot be seen: it counts as running. */
function isAlive(owner: Owner): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
