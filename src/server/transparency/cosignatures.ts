import { z } from 'zod';
import type { Localized } from '../../engine/ruleset-schema';
import type { LogProblem } from '../../shared/transparency';
import type { WitnessStatus } from '../../shared/witness-status';
import type { CosignatureStore, StoredCosignature } from '../store/cosignature-store';
import { openCheckpoint, type SignedCheckpoint } from './checkpoint-note';
import { parseCosignerKey, verifyCosignatures, type Cosigner } from './cosignature-note';
import type { TransparencyLog } from './transparency-log';

/** A witness in the register's configuration (VAGVAL_WITNESSES_FILE): who, its key, where, and how old its latest cosignature may get. */
export const witnessSettingSchema = z.strictObject({
  name: z.string().min(1, 'must name the witness'),
  /** The witness's verifier key, as `npm run witness` prints it. */
  key: z.string().min(1, 'must be the witness key npm run witness prints'),
  /** The witness's submission prefix (POST <url>/add-checkpoint); none for a witness the revisor runs in pull mode. */
  url: z.url('must be an http(s) address').optional(),
  maxAgeHours: z.number().positive('must be more than 0 hours').default(48),
});
export type WitnessSetting = z.infer<typeof witnessSettingSchema>;
export const witnessSettingsSchema = z.array(witnessSettingSchema);

/** The largest tree one witness has cosigned, as verified here. */
export type CosignedSize = { witness: string; verifierKey: string; size: number; rootHash: Buffer; cosignedAt: string; cosigned: string };

type Refusal = { size: number; status: number; reason: Localized; at: string };

type Peer = {
  setting: WitnessSetting;
  cosigner: Cosigner;
  /** The size the witness holds, as far as this server knows (null: ask the store, then the witness). */
  knownSize: number | null;
  pending: SignedCheckpoint | null;
  busy: boolean;
  attempt: number;
  timer: NodeJS.Timeout | null;
  refused: Refusal | null;
};

export type CosignatureOptions = {
  log: (line: string) => void;
  now?: () => Date;
  /** The first retry's wait after a witness could not be reached; it doubles up to five minutes. */
  retryMs?: number;
};

const maxRetryMs = 5 * 60 * 1000;

/**
 * The register's side of C2SP tlog-witness: each new checkpoint is offered to every configured
 * witness (off the save path: after the checkpoint is on disk, with retries while a witness is
 * unreachable), with the consistency proof from the size the witness holds; the cosignatures that
 * come back are verified under the witness's configured key and kept in the store. Verify checks
 * today's tree against the latest of them.
 */
export class Cosignatures {
  private readonly peers: Peer[];
  private readonly now: () => Date;
  private closed = false;

  constructor(
    private readonly log: TransparencyLog,
    private readonly store: CosignatureStore,
    settings: readonly WitnessSetting[],
    private readonly options: CosignatureOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.peers = settings.map((setting) => {
      let cosigner: Cosigner;
      try {
        cosigner = parseCosignerKey(setting.key);
      } catch (error) {
        throw new Error(`the witness "${setting.name}": ${(error as Error).message}`, { cause: error });
      }
      return { setting, cosigner, knownSize: null, pending: null, busy: false, attempt: 0, timer: null, refused: null };
    });
    log.onCheckpoint((c) => this.offer(c));
    // What was signed before this start (or while a witness was away) is offered at once.
    const latest = log.latest();
    if (latest) this.offer(latest);
  }

  get configured(): boolean {
    return this.peers.length > 0;
  }

  /** Offers the checkpoint to every witness with an address; a newer one replaces one still waiting. */
  offer(c: SignedCheckpoint): void {
    for (const peer of this.peers) {
      if (!peer.setting.url) continue;
      if (peer.pending && peer.pending.size >= c.size) continue;
      peer.pending = c;
      if (peer.timer) {
        clearTimeout(peer.timer);
        peer.timer = null;
      }
      void this.push(peer);
    }
  }

  /** Resolves when no witness has an offer in flight or waiting for a retry (tests, shutdown). */
  async settled(timeoutMs = 10_000): Promise<void> {
    const until = performance.now() + timeoutMs;
    while (this.peers.some((p) => p.busy || (p.pending && p.timer === null)) && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
  }

  private async push(peer: Peer): Promise<void> {
    if (peer.busy || this.closed) return;
    peer.busy = true;
    try {
      let corrections = 0;
      while (peer.pending && !this.closed) {
        const c = peer.pending;
        const old = peer.knownSize ?? (await this.storedSize(peer));
        // A register now smaller than what the witness holds is still offered: the witness's refusal is the evidence.
        const proof = old > 0 && old < c.size && c.size <= this.log.tree.size ? this.log.tree.consistencyProof(old, c.size) : [];
        const body = `old ${old}\n${proof.map((h) => `${h.toString('base64')}\n`).join('')}\n${c.note}`;
        let response: Response;
        let text: string;
        try {
          response = await fetch(`${peer.setting.url!.replace(/\/+$/, '')}/add-checkpoint`, { method: 'POST', body, headers: { 'content-type': 'text/plain; charset=utf-8' }, signal: AbortSignal.timeout(30_000) });
          text = await response.text();
        } catch (error) {
          this.retryLater(peer, `could not be reached: ${(error as Error).message}`);
          return;
        }
        if (response.status === 200) {
          try {
            const [cosignature] = verifyCosignatures(c.note, text, [peer.cosigner]);
            if (!cosignature) throw new Error('its answer holds no cosignature under its configured key');
            await this.keep(c, cosignature.line, cosignature.timestamp, peer);
            peer.knownSize = c.size;
            peer.refused = null;
            peer.attempt = 0;
          } catch (error) {
            this.retryLater(peer, `answered with a cosignature that does not verify: ${(error as Error).message}`);
            return;
          }
          if (peer.pending === c) peer.pending = null;
          corrections = 0;
          continue;
        }
        if (response.status === 409 && response.headers.get('content-type')?.startsWith('text/x.tlog.size') && corrections < 2 && /^\d+\n?$/.test(text)) {
          const held = Number(text.trim());
          if (held !== old) {
            // The witness holds another size than this server thought: the proof is made again from there.
            peer.knownSize = held;
            corrections++;
            continue;
          }
        }
        if (response.status >= 500 || response.status === 429) {
          this.retryLater(peer, `answered ${response.status}`);
          return;
        }
        const reason = reasonOf(response, text);
        this.refusedBy(peer, { size: c.size, status: response.status, reason, at: this.now().toISOString() });
        if (peer.pending === c) peer.pending = null;
      }
    } finally {
      peer.busy = false;
    }
  }

  private retryLater(peer: Peer, why: string): void {
    const wait = Math.min(maxRetryMs, (this.options.retryMs ?? 1000) * 2 ** peer.attempt);
    peer.attempt++;
    this.options.log(`the witness ${peer.setting.name} ${why}; the checkpoint for ${peer.pending?.size ?? '?'} records is offered again in ${Math.round(wait / 1000)} s`);
    if (this.closed) return;
    peer.timer = setTimeout(() => {
      peer.timer = null;
      void this.push(peer);
    }, wait);
    peer.timer.unref();
  }

  private refusedBy(peer: Peer, refusal: Refusal): void {
    peer.refused = refusal;
    this.options.log(`the witness ${peer.setting.name} refused the checkpoint for ${refusal.size} records (${refusal.status}): ${refusal.reason.en}`);
  }

  private async storedSize(peer: Peer): Promise<number> {
    const latest = (await this.latestCosignedSizes()).find((s) => s.verifierKey === peer.cosigner.vkey);
    return latest?.size ?? 0;
  }

  private async keep(c: SignedCheckpoint, line: string, timestamp: number, peer: Peer): Promise<void> {
    await this.store.add({ witnessKey: peer.cosigner.vkey, size: c.size, rootHash: c.rootHash.toString('base64'), cosignedAt: new Date(timestamp * 1000).toISOString(), note: c.note, cosignature: line });
  }

  /**
   * A cosigned checkpoint handed in (a revisor's witness in pull mode gives its cosignature back):
   * kept if the register signed the checkpoint and a configured witness cosigned it.
   */
  async accept(cosigned: string): Promise<{ ok: true; witnesses: string[]; size: number } | { ok: false; reason: Localized }> {
    const opened = openCheckpoint(cosigned, this.log.verifiers);
    if (!opened.ok) return opened;
    let found;
    try {
      found = verifyCosignatures(opened.checkpoint.note, cosigned.slice(cosigned.replace(/\r\n/g, '\n').indexOf('\n\n')), this.peers.map((p) => p.cosigner));
    } catch (error) {
      return { ok: false, reason: { sv: `en kontrasignatur stämmer inte: ${(error as Error).message}`, en: (error as Error).message } };
    }
    if (found.length === 0) return { ok: false, reason: { sv: 'kontrollpunkten har ingen kontrasignatur av något vittne som registret är inställt på', en: 'the checkpoint holds no cosignature by a witness the register is configured with' } };
    const registerOnly = `${opened.checkpoint.note.slice(0, opened.checkpoint.note.indexOf('\n\n') + 2)}${opened.checkpoint.note
      .slice(opened.checkpoint.note.indexOf('\n\n') + 2)
      .split('\n')
      .filter((l) => l && !found.some((f) => f.line.trim() === l.trim()))
      .map((l) => `${l}\n`)
      .join('')}`;
    for (const f of found) {
      const peer = this.peers.find((p) => p.cosigner.vkey === f.vkey)!;
      await this.keep({ ...opened.checkpoint, note: registerOnly }, f.line, f.timestamp, peer);
      if ((peer.knownSize ?? 0) < f.size) peer.knownSize = f.size;
    }
    return { ok: true, witnesses: found.map((f) => f.cosigner), size: opened.checkpoint.size };
  }

  /**
   * The latest cosigned size per configured witness, each re-verified here (the table is in the
   * database, which the register's operator controls): the register's signature on the checkpoint
   * and the witness's cosignature on it must both verify, or the row counts for nothing.
   */
  async latestCosignedSizes(): Promise<CosignedSize[]> {
    const rows = await this.store.latest();
    const sizes: CosignedSize[] = [];
    for (const peer of this.peers) {
      const candidates = rows.filter((r) => r.witnessKey === peer.cosigner.vkey).sort((a, b) => b.size - a.size);
      const best = candidates.map((r) => this.believe(r, peer)).find((s) => s !== null);
      if (best) sizes.push(best);
    }
    return sizes;
  }

  private believe(row: StoredCosignature, peer: Peer): CosignedSize | null {
    const opened = openCheckpoint(row.note, this.log.verifiers);
    if (!opened.ok || opened.checkpoint.size !== row.size) return null;
    try {
      const [c] = verifyCosignatures(opened.checkpoint.note, row.cosignature, [peer.cosigner]);
      if (!c) return null;
      return { witness: peer.setting.name, verifierKey: peer.cosigner.vkey, size: c.size, rootHash: c.rootHash, cosignedAt: new Date(c.timestamp * 1000).toISOString(), cosigned: `${opened.checkpoint.note}${c.line}` };
    } catch {
      return null;
    }
  }

  private stale(peer: Peer, latest: CosignedSize | undefined): boolean {
    const treeSize = this.log.tree.size;
    if ((latest?.size ?? 0) >= treeSize) return false;
    if (!latest) return treeSize > 0;
    return this.now().getTime() - Date.parse(latest.cosignedAt) > peer.setting.maxAgeHours * 3600_000;
  }

  async status(): Promise<WitnessStatus[]> {
    const sizes = await this.latestCosignedSizes();
    return this.peers.map((peer) => {
      const latest = sizes.find((s) => s.verifierKey === peer.cosigner.vkey);
      return {
        name: peer.setting.name,
        verifierKey: peer.cosigner.vkey,
        maxAgeHours: peer.setting.maxAgeHours,
        size: latest?.size ?? null,
        cosignedAt: latest?.cosignedAt ?? null,
        cosigned: latest?.cosigned ?? null,
        stale: this.stale(peer, latest),
        refused: peer.refused,
      };
    });
  }

  /**
   * Verify's part: today's tree must hold each witness's latest cosigned tree as its prefix (same
   * root at that size), a witness's refusal is a finding, and a cosignature older than its limit
   * while saves went on is said.
   */
  async verifyFindings(): Promise<{ problems: LogProblem[]; notes: string[]; checked: number }> {
    const problems: LogProblem[] = [];
    const notes: string[] = [];
    const tree = this.log.tree;
    const sizes = await this.latestCosignedSizes();
    for (const peer of this.peers) {
      const latest = sizes.find((s) => s.verifierKey === peer.cosigner.vkey);
      if (latest && latest.size > tree.size) {
        problems.push({ kind: 'log-truncated', detail: `the witness ${peer.setting.name} cosigned ${latest.size} records on ${latest.cosignedAt}, the log now holds ${tree.size}: records were cut`, recordId: tree.size + 1 });
      } else if (latest && !tree.root(latest.size).equals(latest.rootHash)) {
        problems.push({ kind: 'checkpoint-mismatch', detail: `today's tree is not consistent with the checkpoint the witness ${peer.setting.name} cosigned on ${latest.cosignedAt} for ${latest.size} records: one of records 1–${latest.size} was changed, or the log forked`, recordId: null });
      }
      if (peer.refused) problems.push({ kind: 'checkpoint-mismatch', detail: `the witness ${peer.setting.name} refused the checkpoint for ${peer.refused.size} records on ${peer.refused.at} (${peer.refused.status}): ${peer.refused.reason.en}`, recordId: null });
      if (this.stale(peer, latest)) {
        notes.push(
          latest
            ? `the witness ${peer.setting.name} last cosigned ${latest.size} records on ${latest.cosignedAt}, longer ago than its limit of ${peer.setting.maxAgeHours} hours, while records ${latest.size + 1}–${tree.size} were saved: those are not witnessed`
            : `the witness ${peer.setting.name} has cosigned no checkpoint of this register, which holds ${tree.size} records`,
        );
      }
    }
    return { problems, notes, checked: this.peers.length };
  }

  close(): void {
    this.closed = true;
    for (const peer of this.peers) if (peer.timer) clearTimeout(peer.timer);
  }
}

function reasonOf(response: Response, text: string): Localized {
  const en = response.headers.get('witness-reason');
  const sv = response.headers.get('witness-reason-sv');
  if (en) return { sv: sv ? safeDecode(sv) : en, en };
  const [first = '', second] = text.trim().split('\n');
  return second ? { sv: first, en: second } : { sv: `vittnet svarade ${response.status}: ${first.slice(0, 200)}`, en: `the witness answered ${response.status}: ${first.slice(0, 200)}` };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
