import { contentHash } from '../../engine/canonical-hash';
import type { SaveDecisionRequest } from '../../shared/decision-record';

/**
 * Per distinct save (the same request body), the Idempotency-Key it is sent with and, once filed, the record's
 * number. Kept in sessionStorage so that a retry after a reload or a lost answer reuses the key (the server then
 * answers with the first record), and a decision already filed is not filed again until something in it changes.
 */
type SavedEntry = { key: string; id?: number | undefined };

const storageKey = 'vagval.register.saves';
let memory: Record<string, SavedEntry> = {};

function readAll(): Record<string, SavedEntry> {
  let text: string | null;
  try {
    text = sessionStorage.getItem(storageKey);
  } catch {
    return memory; // Storage blocked: this page's memory stands in.
  }
  try {
    const value = JSON.parse(text ?? '{}') as Record<string, SavedEntry> | null;
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

function writeAll(entries: Record<string, SavedEntry>): void {
  memory = entries;
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(entries));
  } catch {
    // Private mode: the keys last for this page only.
  }
}

export const saveFingerprint = (request: SaveDecisionRequest): string => contentHash(request);

export function savedEntry(fingerprint: string): SavedEntry | undefined {
  return readAll()[fingerprint];
}

/** The key for this save: the one used before for the same body, or a new one. */
export function idempotencyKeyFor(fingerprint: string, newKey: () => string = () => crypto.randomUUID()): string {
  const entries = readAll();
  const found = entries[fingerprint];
  if (found) return found.key;
  const key = newKey();
  writeAll({ ...entries, [fingerprint]: { key } });
  return key;
}

export function markSaved(fingerprint: string, key: string, id: number): void {
  writeAll({ ...readAll(), [fingerprint]: { key, id } });
}
