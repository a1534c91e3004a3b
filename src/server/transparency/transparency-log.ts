import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppendWitness, DecisionStore, SealedEntry, StoredCheckpoint } from '../store/decision-store';
import type { CheckpointInfo, Receipt } from '../../shared/transparency';
import { openCheckpoint, signCheckpoint, type SignedCheckpoint } from './checkpoint-note';
import { appendLogLine, evidencePaths, LeavesFile, readLogLines, type AdoptedRange, type EvidencePaths } from './evidence-files';
import { EvidenceMissing, evidenceGaps } from './evidence-gaps';
import { hashBytes, leafHash, MerkleTree } from './merkle';
import { loadOrCreateSigningKey, loadRetiredKeys, type SigningKey, type Verifier } from './signing-key';
import { LeafTags } from './leaf-tags';
import { SideLogHeads } from './side-log-heads';
import { latestCosigned } from './witness-mark';

export type TransparencyOptions = {
  keyFile: string;
  /** The checkpoint's first line, naming this log. */
  origin: string;
  /** A checkpoint at least every this many saves… */
  checkpointEvery: number;
  /** …and every this many milliseconds if anything was saved since. */
  checkpointIntervalMs: number;
  log: (line: string) => void;
  now?: () => Date;
};

/** The bytes a record's leaf covers: the canonical JSON of `{ content, id }`, content exactly as stored. */
export function leafEntry(id: number, contentJson: string): string {
  return `{"content":${contentJson},"id":${id}}`;
}

export const recordLeaf = (id: number, contentJson: string): Buffer => leafHash(leafEntry(id, contentJson));

const zeroLeaf = Buffer.alloc(hashBytes);

/**
 * The register's transparency log: an RFC 9162 Merkle tree over every record, whose leaves are
 * written to a file beside the signing key before each commit, and signed checkpoints of it.
 * Neither lives in the database, so rewriting, cutting or dropping the database cannot remove
 * the evidence of what was saved; an auditor's copy of any checkpoint proves it again.
 */
export class TransparencyLog implements AppendWitness {
  readonly tree = new MerkleTree();
  readonly key: SigningKey;
  readonly retired: Verifier[];
  readonly paths: EvidencePaths;
  /** Signed checkpoints that verify, in the order they were made. */
  readonly checkpoints: SignedCheckpoint[] = [];
  private readonly takenNotes = new Set<string>();
  /** Lines of the checkpoint log (or rows of the shared table) that are unreadable or whose signature fails. */
  readonly badLogLines: string[] = [];
  /** Two validly signed checkpoints of one tree size with different roots: the log forked. */
  readonly forks: string[] = [];
  readonly adopted: AdoptedRange[] = [];
  /** What the log found when it opened, for the server log and the verification report. */
  readonly notes: string[] = [];
  private readonly leaves: LeavesFile;
  private readonly sideHeads: SideLogHeads;
  private readonly tags: LeafTags;
  private readonly written = new Map<number, Buffer>();
  private readonly committed = new Map<number, Buffer>();
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | null = null;
  private checkpointing: Promise<SignedCheckpoint | null> | null = null;
  private closed = false;
  private readonly openedAt: number;
  private readonly bySize = new Map<number, SignedCheckpoint>();
  private readonly badShared = new Set<string>();
  /** The largest valid checkpoint read from the shared table, and when it was last read. */
  private sharedSeen = 0;
  private sharedReadAt = Number.NEGATIVE_INFINITY;
  private readonly checkpointListeners: Array<(c: SignedCheckpoint) => void> = [];

  private constructor(
    private readonly store: DecisionStore,
    readonly options: TransparencyOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.openedAt = this.now().getTime();
    this.paths = evidencePaths(options.keyFile);
    this.key = loadOrCreateSigningKey(options.keyFile, keyNameOf(options.origin), options.log);
    this.retired = loadRetiredKeys(this.paths.retiredKeys);
    this.leaves = new LeavesFile(this.paths.leaves);
    this.sideHeads = new SideLogHeads(store);
    this.tags = new LeafTags(join(this.paths.dir, 'leaf-tags.bin'), this.key.privateKey);
  }

  static async open(store: DecisionStore, options: TransparencyOptions): Promise<TransparencyLog> {
    const log = new TransparencyLog(store, options);
    try {
      await log.load();
    } catch (error) {
      log.leaves.close();
      log.tags.close();
      throw error;
    }
    store.setWitness(log);
    log.timer = setInterval(() => void log.checkpoint().catch((e: Error) => options.log(`checkpoint failed: ${e.message}`)), options.checkpointIntervalMs);
    log.timer.unref();
    return log;
  }

  /** Told of each checkpoint this instance signs, once it is on disk (the witnesses are offered it: cosignatures.ts). */
  onCheckpoint(listener: (c: SignedCheckpoint) => void): void {
    this.checkpointListeners.push(listener);
  }

  get verifiers(): Verifier[] {
    return [this.key, ...this.retired];
  }

  latest(): SignedCheckpoint | null {
    return this.checkpoints.reduce<SignedCheckpoint | null>((best, c) => (!best || c.size >= best.size ? c : best), null);
  }

  private async load(): Promise<void> {
    const logExisted = existsSync(this.paths.log);
    const { lines, unreadable } = readLogLines(this.paths.log);
    for (const n of unreadable) this.badLogLines.push(`line ${n} of ${this.paths.log} is not a checkpoint`);
    for (const line of lines) {
      if ('adopted' in line) {
        this.adopted.push(line.adopted);
        continue;
      }
      const opened = openCheckpoint(line.note, this.verifiers);
      if (opened.ok) this.addCheckpoint(opened.checkpoint);
      else this.badLogLines.push(`a checkpoint in ${this.paths.log}: ${opened.reason.en}`);
    }
    await this.shareFileCheckpoints();
    const dbHead = await this.store.headId();
    await this.refuseMissingEvidence(dbHead, logExisted);
    const latestSize = this.latest()?.size ?? 0;
    const inFile = this.leaves.existed ? this.leaves.count() : 0;
    // Leaves past the last record and past every checkpoint belong to a commit that never happened
    // (the server stopped between writing them and committing); the next saves write over them.
    // Leaves a checkpoint covers stay, however short the database now is: they are the evidence.
    const keep = Math.min(inFile, Math.max(dbHead, latestSize));
    if (inFile > keep) this.notes.push(`${inFile - keep} leaves after record ${keep} were written for saves that were never committed; they are ignored`);
    const buffer = this.leaves.read(0, keep);
    for (let i = 0; i < keep; i++) {
      const leaf = buffer.subarray(i * hashBytes, (i + 1) * hashBytes);
      // Past the signed checkpoints a leaf counts only with its tag (leaf-tags.ts); catchUp takes the rest from the database, named.
      if (i >= latestSize && !this.tags.ok(i, leaf)) break;
      this.tree.append(leaf);
    }
    if (!this.leaves.existed) {
      const reason = this.checkpoints.length === 0 ? 'migration' : 'rebuilt';
      if (reason === 'rebuilt') this.notes.push(`the leaves file ${this.paths.leaves} was missing: the tree is rebuilt from the database and checked against the signed checkpoints`);
      await this.adoptFromDatabase(dbHead, reason);
    } else {
      await this.catchUp();
    }
    if (this.tree.size > latestSize) await this.checkpoint().catch((e: Error) => this.notes.push(`no checkpoint at start: ${e.message}`));
    for (const note of this.notes) this.options.log(`transparency log: ${note}`);
  }

  /** Evidence missing or shorter than what was signed stops the start (evidence-gaps.ts); what this start made is taken back. */
  private async refuseMissingEvidence(dbHead: number, logExisted: boolean): Promise<void> {
    const marked = (await this.store.checkpointMarks?.latest()) ?? null;
    const gaps = evidenceGaps({
      paths: this.paths,
      keyFile: this.key.file,
      keyCreated: this.key.created,
      leavesExisted: this.leaves.existed,
      leafCount: this.leaves.existed ? this.leaves.count() : 0,
      logExisted,
      logLatest: this.latest()?.size ?? 0,
      dbHead,
      marked,
      cosigned: await latestCosigned(this.store),
      acknowledged: Math.max(0, ...this.adopted.map((r) => (r.reason === 'operator' ? (r.acknowledgedSize ?? 0) : 0))),
    });
    if (gaps.length === 0) {
      // A register whose checkpoints predate the marks gets its latest one marked now.
      const latest = this.latest();
      if (latest && (marked?.size ?? 0) < latest.size) await this.store.checkpointMarks?.add(stored(latest));
      return;
    }
    // Left as found: a key or leaves file made by this start would make the next one look whole.
    if (this.key.created) unlinkSync(this.key.file);
    if (!this.leaves.existed) unlinkSync(this.paths.leaves);
    if (!this.tags.existed) unlinkSync(this.tags.path);
    throw new EvidenceMissing(gaps);
  }

  /**
   * Takes into the tree the records in the database after it: from the leaves file where another
   * instance wrote them before its commit, otherwise from the database itself, and then the range
   * is written to the log as adopted (a register from before the tree, or records that did not
   * come through any instance: verify names those).
   */
  async catchUp(fresh = false, upTo?: number): Promise<void> {
    await this.readShared(fresh);
    this.absorbCommitted();
    // For a receipt the head as of this instance's own last save will do when that save reached the record.
    const dbHead = await this.store.headId(fresh ? undefined : upTo);
    if (dbHead <= this.tree.size) return;
    const start = this.tree.size;
    const fileLeaves = this.leaves.read(start, dbHead);
    for (let id = start + 1; id <= dbHead; id++) {
      const own = this.committed.get(id);
      const leaf = own ?? fileLeaves.subarray((id - 1 - start) * hashBytes, (id - start) * hashBytes);
      if (leaf.equals(zeroLeaf) || (!own && !this.tags.ok(id - 1, leaf))) break;
      this.tree.append(leaf);
      this.committed.delete(id);
    }
    if (this.tree.size < dbHead) await this.adoptFromDatabase(dbHead, 'not-witnessed');
  }

  private async adoptFromDatabase(dbHead: number, reason: AdoptedRange['reason']): Promise<void> {
    const from = this.tree.size + 1;
    if (dbHead < from) return;
    for (let after = this.tree.size; after < dbHead; ) {
      const rows = await this.store.rows(after, 1000);
      if (rows.length === 0) break;
      for (const row of rows) {
        // A gap in the ids stays a gap: the leaf of a missing record cannot be made up.
        if (row.id !== this.tree.size + 1) return await this.recordAdoption(from, this.tree.size, reason);
        const leaf = recordLeaf(row.id, row.contentJson);
        this.leaves.write(row.id - 1, leaf);
        this.tags.write(row.id - 1, leaf);
        this.tree.append(leaf);
        after = row.id;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all([this.leaves.sync(), this.tags.sync()]);
    await this.recordAdoption(from, this.tree.size, reason);
  }

  private async recordAdoption(from: number, to: number, reason: AdoptedRange['reason']): Promise<void> {
    if (to < from) return;
    const range: AdoptedRange = { from, to, reason, at: this.now().toISOString() };
    this.adopted.push(range);
    await appendLogLine(this.paths.log, { adopted: range });
    this.notes.push(
      reason === 'migration'
        ? `records ${from}–${to} were saved before the register had a tree; they are now in it`
        : reason === 'rebuilt'
          ? `records ${from}–${to} were read back from the database into the rebuilt tree`
          : `records ${from}–${to} are in the database but were not saved through the register: verify names them`,
    );
  }

  /** Takes in a verified checkpoint once, and notes a fork: another root signed for the same size. */
  private addCheckpoint(c: SignedCheckpoint): void {
    const same = this.bySize.get(c.size);
    if (same) {
      if (!same.rootHash.equals(c.rootHash)) {
        this.forks.push(`two checkpoints for ${c.size} records, signed ${same.time} and ${c.time}, name different roots: the log forked`);
        return;
      }
      // The same tree signed again because the side logs grew (side-log-heads.ts): kept, the newer is the latest.
      if (same.note === c.note || sameLines(same.extensions, c.extensions)) return;
      // The shared table is read again from the latest size (PostgreSQL): a re-signing already taken counts once.
      if (this.takenNotes.has(c.note)) return;
    }
    this.bySize.set(c.size, c);
    this.checkpoints.push(c);
    this.takenNotes.add(c.note);
  }

  private takeShared(rows: StoredCheckpoint[]): void {
    for (const row of rows) {
      const opened = openCheckpoint(row.note, this.verifiers);
      if (opened.ok && opened.checkpoint.size === row.size) {
        this.addCheckpoint(opened.checkpoint);
        this.sharedSeen = Math.max(this.sharedSeen, row.size);
      } else if (!this.badShared.has(row.note)) {
        // A row nobody with the key signed (or signed for another size) counts for nothing, and is named.
        this.badShared.add(row.note);
        this.badLogLines.push(`the checkpoint for ${row.size} records in the database table transparency_checkpoints: ${opened.ok ? 'its size column differs from the size it signs' : opened.reason.en}`);
      }
    }
  }

  /**
   * The other instances' checkpoints from the shared table (PostgreSQL): at most once a second
   * for receipts, every time when `fresh` (before signing, verifying, or answering an auditor).
   */
  private async readShared(fresh: boolean): Promise<void> {
    const shared = this.store.sharedCheckpoints;
    if (!shared) return;
    const now = performance.now();
    if (!fresh && now - this.sharedReadAt < 1000) return;
    this.sharedReadAt = now;
    this.takeShared(await shared.since(this.sharedSeen));
  }

  /** Checkpoints in the file that the shared table lacks (made before it, or while it was down) go into it. */
  private async shareFileCheckpoints(): Promise<void> {
    const shared = this.store.sharedCheckpoints;
    if (!shared) return;
    await shared.withLock(async (tx) => {
      const rows = await tx.since(0);
      this.takeShared(rows);
      // By note: one size may have been signed again with newer side-log heads.
      const inTable = new Set(rows.map((r) => r.note));
      for (const c of [...this.checkpoints].sort((a, b) => a.size - b.size)) if (!inTable.has(c.note)) await tx.insert(stored(c));
    });
    this.sharedReadAt = performance.now();
  }

  /** Ids the log took from the database without seeing them saved (not a migration). */
  notWitnessed(id: number): boolean {
    return this.adopted.some((r) => r.reason === 'not-witnessed' && id >= r.from && id <= r.to);
  }

  // The store's hooks (AppendWitness).

  beforeCommit(entries: SealedEntry[]): void {
    if (this.closed) throw new Error('the transparency log is closed');
    this.written.clear();
    for (const { id, contentJson } of entries) {
      // Never write over the evidence of a record the log already holds: the database is behind the log.
      if (id <= this.tree.size) {
        throw new Error(`record ${id} is already in the register's log, but the database's last record is ${id - 1}: records are missing from the database; saving is refused until it is restored`);
      }
      const leaf = recordLeaf(id, contentJson);
      this.leaves.write(id - 1, leaf);
      this.tags.write(id - 1, leaf);
      this.written.set(id, leaf);
    }
  }

  afterCommit(entries: SealedEntry[]): void {
    for (const { id } of entries) {
      const leaf = this.written.get(id);
      if (leaf) this.committed.set(id, leaf);
    }
    this.written.clear();
    this.absorbCommitted();
    const latest = this.latest()?.size ?? 0;
    if (this.tree.size - latest >= this.options.checkpointEvery && !this.checkpointing) {
      setImmediate(() => void this.checkpoint().catch((e: Error) => this.options.log(`checkpoint failed: ${e.message}`)));
    }
  }

  async sync(): Promise<void> {
    await Promise.all([this.leaves.sync(), this.tags.sync()]);
  }

  private absorbCommitted(): void {
    for (let leaf = this.committed.get(this.tree.size + 1); leaf; leaf = this.committed.get(this.tree.size + 1)) {
      this.committed.delete(this.tree.size + 1);
      this.tree.append(leaf);
    }
  }

  /** Signs the tree as it stands now, if it grew since the last checkpoint; one at a time, after any in progress. */
  checkpoint(): Promise<SignedCheckpoint | null> {
    const run = (this.checkpointing ?? Promise.resolve(null)).catch(() => null).then(() => this.makeCheckpoint());
    this.checkpointing = run;
    void run.catch(() => {}).finally(() => {
      if (this.checkpointing === run) this.checkpointing = null;
    });
    return run;
  }

  private async makeCheckpoint(): Promise<SignedCheckpoint | null> {
    const shared = this.store.sharedCheckpoints;
    // Several instances on one database: one signs at a time, having read what the others signed.
    if (shared) return shared.withLock(async (tx) => {
      this.takeShared(await tx.since(this.sharedSeen));
      this.sharedReadAt = performance.now();
      return this.signNow(async (c) => {
        if (!(await tx.insert(stored(c)))) throw new Error(`another instance stored a checkpoint for ${c.size} records while this one held the lock`);
      });
    });
    return this.signNow(async () => {});
  }

  /** Signs the tree as it stands, if it grew and still extends the latest checkpoint (never a fork). */
  private async signNow(share: (c: SignedCheckpoint) => Promise<void>): Promise<SignedCheckpoint | null> {
    await this.catchUp();
    const size = this.tree.size;
    const latest = this.latest();
    const extensions = await this.sideHeads.lines();
    // The tree grew, or only the side logs did: their new rows are signed too (never a smaller tree).
    if (size === 0 || (latest && (latest.size > size || (latest.size === size && sameLines(latest.extensions, extensions))))) return null;
    if (latest && !this.tree.root(latest.size).equals(latest.rootHash)) {
      throw new Error(`the tree no longer matches the checkpoint of ${latest.time} for ${latest.size} records, so no checkpoint is signed that would fork the log: verify names the records`);
    }
    // The leaves it signs are on disk before the checkpoint is.
    await this.leaves.sync();
    const checkpoint = signCheckpoint({ origin: this.options.origin, size, rootHash: this.tree.root(size), time: this.now().toISOString().replace(/\.\d{3}Z$/, 'Z'), extensions }, this.key);
    await share(checkpoint);
    await appendLogLine(this.paths.log, { note: checkpoint.note });
    await this.store.checkpointMarks?.add(stored(checkpoint));
    this.addCheckpoint(checkpoint);
    for (const listener of this.checkpointListeners) listener(checkpoint);
    return checkpoint;
  }

  /** A record's receipt: its leaf and an inclusion proof in the latest checkpoint, or pending. */
  async receipt(id: number): Promise<Receipt | null> {
    await this.catchUp(false, id);
    if (id < 1 || id > this.tree.size) return null;
    const index = id - 1;
    const leaf = this.tree.leaf(index).toString('hex');
    const latest = this.latest();
    if (!latest || latest.size <= index) {
      // The hourly timer's next turn: the same answer however often the receipt is asked for meanwhile.
      const interval = this.options.checkpointIntervalMs;
      const nextTick = this.openedAt + Math.max(1, Math.ceil((this.now().getTime() - this.openedAt) / interval)) * interval;
      return {
        status: 'pending',
        recordId: id,
        index,
        leafHash: leaf,
        checkpointBy: new Date(nextTick).toISOString(),
        savesUntilCheckpoint: Math.max(0, (latest?.size ?? 0) + this.options.checkpointEvery - this.tree.size),
      };
    }
    return {
      status: 'included',
      recordId: id,
      index,
      leafHash: leaf,
      treeSize: latest.size,
      rootHash: latest.rootHash.toString('base64'),
      checkpointTime: latest.time,
      checkpoint: latest.note,
      inclusionProof: this.tree.inclusionProof(index, latest.size).map((h) => h.toString('hex')),
    };
  }

  /** The checkpoint the last passing verification reached, if any. */
  lastVerified(): CheckpointInfo | null {
    if (!existsSync(this.paths.lastVerified)) return null;
    try {
      const saved = JSON.parse(readFileSync(this.paths.lastVerified, 'utf8')) as { note: string };
      const opened = openCheckpoint(saved.note, this.verifiers);
      return opened.ok ? checkpointInfo(opened.checkpoint) : null;
    } catch {
      return null;
    }
  }

  rememberVerified(checkpoint: SignedCheckpoint): void {
    writeFileSync(this.paths.lastVerified, `${JSON.stringify({ note: checkpoint.note, at: this.now().toISOString() })}\n`);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    // A checkpoint at shutdown: what was saved is signed before the database is left alone.
    await this.checkpoint().catch((e: Error) => this.options.log(`checkpoint at shutdown failed: ${e.message}`));
    this.closed = true;
    this.leaves.close();
    this.tags.close();
  }
}

const sameLines = (a: readonly string[] | undefined, b: readonly string[] | undefined) => (a ?? []).join('\n') === (b ?? []).join('\n');

const stored = (c: SignedCheckpoint): StoredCheckpoint => ({ size: c.size, rootHash: c.rootHash.toString('base64'), note: c.note, time: c.time });

export function checkpointInfo(c: SignedCheckpoint): CheckpointInfo {
  return { origin: c.origin, treeSize: c.size, rootHash: c.rootHash.toString('base64'), time: c.time, note: c.note };
}

/** A signed-note key name may not hold spaces or "+". */
export function keyNameOf(origin: string): string {
  return origin.replace(/[\s+]+/g, '-') || 'vagval-register';
}
