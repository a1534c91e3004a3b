import { canonicalJson, contentHash } from '../engine/canonical-hash';
import type { RecordContent } from '../shared/decision-record';

/**
 * A record's hash covers its id, the previous record's hash and its content, so changing,
 * removing or reordering any stored record breaks the chain from that record on.
 */
export function recordHash(id: number, prevHash: string, content: RecordContent | unknown): string {
  return contentHash({ id, prevHash, content });
}

/** The content as stored: canonical JSON, so that the stored text is the hashed text. */
export function storedContent(content: RecordContent): string {
  return canonicalJson(content);
}
