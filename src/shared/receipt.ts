import { z } from 'zod/mini';

const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in lower-case hex'));
const base64Hash = z.string().check(z.regex(/^[A-Za-z0-9+/]{43}=$/, 'must be a 32-byte hash in base64'));

/** Where a record stands in the log: proven in a signed checkpoint, or waiting for the next one. */
export const receiptSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('included'),
    recordId: z.number().check(z.int(), z.positive()),
    /** The leaf's index in the tree: the record id − 1. */
    index: z.number().check(z.int(), z.nonnegative()),
    leafHash: hex64,
    treeSize: z.number().check(z.int(), z.positive()),
    rootHash: base64Hash,
    checkpointTime: z.string(),
    /** The signed checkpoint, as text (C2SP tlog-checkpoint). */
    checkpoint: z.string(),
    /** RFC 9162 §2.1.3 audit path, leaf to root. */
    inclusionProof: z.array(hex64),
  }),
  z.strictObject({
    status: z.literal('pending'),
    recordId: z.number().check(z.int(), z.positive()),
    index: z.number().check(z.int(), z.nonnegative()),
    leafHash: hex64,
    /** The latest a checkpoint will cover it (the hourly checkpoint), ISO 8601. */
    checkpointBy: z.string(),
    /** Saves until the next checkpoint by count. */
    savesUntilCheckpoint: z.number().check(z.int(), z.nonnegative()),
  }),
]);
export type Receipt = z.infer<typeof receiptSchema>;


/**
 * The receipt's short form for the printed decision (transparency-log.md: index, leaf hash prefix,
 * checkpoint size and root prefix): enough to ask the register years later to prove the decision.
 */
export function receiptShortForm(receipt: Receipt, lang: 'sv' | 'en' = 'sv'): string {
  const leaf = receipt.leafHash.slice(0, 16);
  if (receipt.status === 'pending') {
    const by = receipt.checkpointBy.replace(/:\d{2}(\.\d+)?Z$/, ' UTC').replace('T', ' ');
    return lang === 'sv'
      ? `nr ${receipt.recordId} · löv ${leaf} · väntar på kontrollpunkt (senast ${by})`
      : `no. ${receipt.recordId} · leaf ${leaf} · awaiting a checkpoint (by ${by})`;
  }
  const root = Array.from(atob(receipt.rootHash).slice(0, 8), (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  return lang === 'sv'
    ? `nr ${receipt.recordId} · löv ${leaf} · kontrollpunkt ${receipt.treeSize} poster, rot ${root}, ${receipt.checkpointTime}`
    : `no. ${receipt.recordId} · leaf ${leaf} · checkpoint of ${receipt.treeSize} records, root ${root}, ${receipt.checkpointTime}`;
}
