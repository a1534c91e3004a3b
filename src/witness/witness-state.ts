import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The latest checkpoint the witness cosigned for one log: all it needs to judge the next. */
export type LogState = { size: number; rootHash: string; note: string; cosignature: string; cosignedAt: string };

/**
 * The witness's small state folder: its key, the latest cosigned checkpoint per log (state.json,
 * replaced atomically and synced before any answer), and refused.jsonl, where every refused
 * checkpoint that carried the register's valid signature is kept: it is the proof that the register
 * signed two histories, or went back on one.
 */
export class WitnessState {
  readonly keyFile: string;
  private readonly stateFile: string;
  private readonly refusedFile: string;
  private logs: Record<string, LogState>;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.keyFile = join(dir, 'witness-key.pem');
    this.stateFile = join(dir, 'state.json');
    this.refusedFile = join(dir, 'refused.jsonl');
    this.logs = existsSync(this.stateFile) ? ((JSON.parse(readFileSync(this.stateFile, 'utf8')) as { logs: Record<string, LogState> }).logs ?? {}) : {};
  }

  get(origin: string): LogState | null {
    return this.logs[origin] ?? null;
  }

  all(): Array<LogState & { origin: string }> {
    return Object.entries(this.logs).map(([origin, s]) => ({ origin, ...s }));
  }

  /** Keeps only this checkpoint for the log, on disk before it returns. */
  put(origin: string, state: LogState): void {
    const next = { ...this.logs, [origin]: state };
    const temp = `${this.stateFile}.new`;
    const fd = openSync(temp, 'w', 0o644);
    try {
      writeSync(fd, `${JSON.stringify({ logs: next }, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.stateFile);
    const dirFd = openSync(this.dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
    this.logs = next;
  }

  refused(entry: { at: string; origin: string; status: number; reason: string; request: string }): void {
    appendFileSync(this.refusedFile, `${JSON.stringify(entry)}\n`);
  }
}
