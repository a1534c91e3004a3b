import { createHash } from 'node:crypto';
import type { LogProblem } from '../../shared/transparency';
import type { DecisionStore, SideTable } from '../store/decision-store';
import type { SignedCheckpoint } from './checkpoint-note';

/**
 * The register's side logs, record_events (checks, replays, verification runs) and access_log
 * (refusals), are not leaves of the decisions' tree: that tree covers the decisions alone, and a
 * receipt proves one. Each gets a hash chain instead, head = SHA-256(previous head || "\n" ||
 * the row as stored, id included), and every signed checkpoint carries both heads as extension
 * lines (`events <rows> <head, hex>`, `access <rows> <head, hex>`). Whoever erases or edits rows
 * without the key cannot sign new heads, so verify, recomputing the chains, finds it against
 * every checkpoint that carried them.
 */
export const sideLogs: ReadonlyArray<{ table: SideTable; tag: string; sv: string; en: string }> = [
  { table: 'record_events', tag: 'events', sv: 'händelseloggen (kontroller, körningar, omprövningar)', en: 'the record events (checks, runs, replays)' },
  { table: 'access_log', tag: 'access', sv: 'åtkomstloggen', en: 'the access log' },
];

type Head = { count: number; lastId: number; hash: Buffer };
const genesis = (): Head => ({ count: 0, lastId: 0, hash: Buffer.alloc(32) });
const pageSize = 1000;

function fold(head: Head, rows: Array<{ id: number; text: string }>): void {
  for (const row of rows) {
    head.hash = createHash('sha256').update(head.hash).update('\n').update(row.text).digest();
    head.count++;
    head.lastId = row.id;
  }
}

/** The heads the next checkpoint signs, kept up to date from the tables as they grow. */
export class SideLogHeads {
  private readonly heads = new Map<SideTable, Head>(sideLogs.map((s) => [s.table, genesis()]));
  private advancing: Promise<void> | null = null;

  constructor(private readonly store: DecisionStore) {}

  /** The extension lines for a checkpoint signed now; none where the store keeps no side logs (PostgreSQL). */
  async lines(): Promise<string[]> {
    if (!this.store.sideRows) return [];
    await this.advance();
    return sideLogs.map((s) => {
      const head = this.heads.get(s.table)!;
      return `${s.tag} ${head.count} ${head.hash.toString('hex')}`;
    });
  }

  private advance(): Promise<void> {
    this.advancing ??= (async () => {
      try {
        for (const s of sideLogs) {
          const head = this.heads.get(s.table)!;
          for (;;) {
            const rows = await this.store.sideRows!(s.table, head.lastId, pageSize);
            fold(head, rows);
            if (rows.length < pageSize) break;
          }
        }
      } finally {
        this.advancing = null;
      }
    })();
    return this.advancing;
  }
}

/** A checkpoint's side-log heads by tag, from its extension lines. */
export function sideHeadsOf(c: SignedCheckpoint): Map<string, { count: number; hash: string }> {
  const heads = new Map<string, { count: number; hash: string }>();
  for (const line of c.extensions ?? []) {
    const match = /^(\w+) (\d+) ([0-9a-f]{64})$/.exec(line);
    if (match) heads.set(match[1]!, { count: Number(match[2]), hash: match[3]! });
  }
  return heads;
}

/**
 * Verify's part: each side log's chain recomputed from its first row and held against the heads
 * every checkpoint signed. Rows erased, edited, inserted in between or the table dropped: the first
 * checkpoint that no longer matches is named.
 */
export async function sideLogProblems(store: DecisionStore, checkpoints: readonly SignedCheckpoint[]): Promise<LogProblem[]> {
  if (!store.sideRows) return [];
  const problems: LogProblem[] = [];
  for (const s of sideLogs) {
    const claims = checkpoints
      .map((c) => ({ c, head: sideHeadsOf(c).get(s.tag) }))
      .filter((x): x is { c: SignedCheckpoint; head: { count: number; hash: string } } => x.head !== undefined)
      .sort((a, b) => a.head.count - b.head.count);
    if (claims.length === 0) continue;
    const head = genesis();
    let rows: Array<{ id: number; text: string }> = [];
    let at = 0;
    let ended = false;
    for (const { c, head: claimed } of claims) {
      while (head.count < claimed.count && !ended) {
        if (at === rows.length) {
          rows = await store.sideRows(s.table, head.lastId, pageSize);
          at = 0;
          if (rows.length === 0) {
            ended = true;
            break;
          }
        }
        fold(head, [rows[at++]!]);
      }
      if (head.count < claimed.count) {
        problems.push({ kind: 'side-log-broken', detail: `${s.sv}: kontrollpunkten från ${c.time} signerade ${claimed.count} rader, tabellen har bara ${head.count}: rader har raderats / ${s.en}: the checkpoint of ${c.time} signed ${claimed.count} rows, the table holds only ${head.count}: rows were erased`, recordId: null });
        break;
      }
      if (head.hash.toString('hex') !== claimed.hash) {
        problems.push({ kind: 'side-log-broken', detail: `${s.sv}: de första ${claimed.count} raderna stämmer inte med kontrollpunkten från ${c.time}: rader har ändrats, raderats eller lagts in / ${s.en}: the first ${claimed.count} rows do not match the checkpoint of ${c.time}: rows were changed, erased or inserted`, recordId: null });
        break;
      }
    }
  }
  return problems;
}
