import { closeSync, existsSync, fdatasync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { hashBytes } from './merkle';

/**
 * The evidence kept beside the signing key, outside the database:
 *   leaves.bin          the tree's leaf hashes, 32 bytes each at offset (record id − 1) × 32,
 *                       written before the record's commit and synced before it is acknowledged;
 *   checkpoints.jsonl   every signed checkpoint, and every range of records the log adopted from
 *                       the database without having seen it saved, one JSON object a line;
 *   last-verified.json  the checkpoint the last passing verification reached, for incremental runs;
 *   retired-keys.txt    verifier keys of rotated-out signing keys, one a line.
 */
export type EvidencePaths = { dir: string; leaves: string; log: string; lastVerified: string; retiredKeys: string };

export function evidencePaths(keyFile: string): EvidencePaths {
  const dir = dirname(keyFile);
  return { dir, leaves: join(dir, 'leaves.bin'), log: join(dir, 'checkpoints.jsonl'), lastVerified: join(dir, 'last-verified.json'), retiredKeys: join(dir, 'retired-keys.txt') };
}

export type AdoptedRange = {
  from: number;
  to: number;
  reason: 'migration' | 'rebuilt' | 'not-witnessed' | 'operator';
  at: string;
  /** An operator's adoption after evidence was found missing (adopt-evidence.ts): who, why, what was missing, and the signed size accepted as lost. */
  by?: string;
  why?: string;
  missing?: string[];
  acknowledgedSize?: number;
};
export type LogLine = { note: string } | { adopted: AdoptedRange };

/** The leaves file, written at each record's own position so that concurrent instances cannot interleave it. */
export class LeavesFile {
  private readonly fd: number;
  readonly existed: boolean;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.existed = existsSync(path);
    if (!this.existed) writeFileSync(path, '', { mode: 0o644 });
    this.fd = openSync(path, 'r+');
  }

  /** How many whole leaves the file holds. */
  count(): number {
    return Math.floor(statSync(this.path).size / hashBytes);
  }

  /** Leaves [from, to) as one buffer (zeros where none was written). */
  read(from: number, to: number): Buffer {
    const buffer = Buffer.alloc((to - from) * hashBytes);
    if (to > from) readSync(this.fd, buffer, 0, buffer.length, from * hashBytes);
    return buffer;
  }

  write(index: number, leaves: Buffer): void {
    writeSync(this.fd, leaves, 0, leaves.length, index * hashBytes);
  }

  /** fdatasync on libuv's thread pool, so the event loop keeps serving while the disk works. */
  sync(): Promise<void> {
    return new Promise((resolve, reject) => fdatasync(this.fd, (error) => (error ? reject(error) : resolve())));
  }

  close(): void {
    closeSync(this.fd);
  }
}

export function readLogLines(path: string): { lines: LogLine[]; unreadable: number[] } {
  if (!existsSync(path)) return { lines: [], unreadable: [] };
  const lines: LogLine[] = [];
  const unreadable: number[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (!text.trim()) return;
      try {
        const value = JSON.parse(text) as Partial<{ note: unknown; adopted: AdoptedRange }>;
        if (typeof value.note === 'string') lines.push({ note: value.note });
        else if (value.adopted && Number.isInteger(value.adopted.from) && Number.isInteger(value.adopted.to)) lines.push({ adopted: value.adopted });
        else unreadable.push(i + 1);
      } catch {
        unreadable.push(i + 1);
      }
    });
  return { lines, unreadable };
}

/** Appends one line and syncs it (on libuv's thread pool): a checkpoint counts only once it is on disk. */
export async function appendLogLine(path: string, line: LogLine): Promise<void> {
  const handle = await open(path, 'a', 0o644);
  try {
    await handle.appendFile(`${JSON.stringify(line)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
