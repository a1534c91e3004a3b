import { createHash } from 'node:crypto';
import { canonicalJson } from '../engine/canonical-hash';
import type { RecordContent } from '../shared/decision-record';

/**
 * A record's hash covers its id, the previous record's hash and its content, so changing,
 * removing or reordering any stored record breaks the chain from that record on. It is the
 * SHA-256 of the canonical JSON of `{ id, prevHash, content }`, written out here around content
 * already in canonical form (sorted keys: content < id < prevHash), so a save canonicalises its
 * content once and hashes with Node's native SHA-256 rather than the engine's portable one.
 */
export function storedRecordHash(id: number, prevHash: string, contentJson: string): string {
  return createHash('sha256').update(`{"content":${contentJson},"id":${id},"prevHash":${JSON.stringify(prevHash)}}`).digest('hex');
}

/** What a store writes for a new record: the content as canonical JSON, so that the stored text is the hashed text, and its hash. */
export function sealRecord(id: number, prevHash: string, content: RecordContent): { contentJson: string; hash: string } {
  const contentJson = canonicalJson(content);
  return { contentJson, hash: storedRecordHash(id, prevHash, contentJson) };
}

/** The hash a record's content should have, however it was read back. */
export function recordHash(id: number, prevHash: string, content: RecordContent | unknown): string {
  return storedRecordHash(id, prevHash, canonicalJson(content));
}
