import { z } from 'zod/mini';
import { swedishTime } from './swedish-time';
import { recordCount } from './record-count';

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
    ? `nr ${receipt.recordId} · löv ${leaf} · kontrollpunkt ${recordCount(receipt.treeSize, 'sv')}, rot ${root}, ${receipt.checkpointTime}`
    : `no. ${receipt.recordId} · leaf ${leaf} · checkpoint of ${recordCount(receipt.treeSize, 'en')}, root ${root}, ${receipt.checkpointTime}`;
}

/**
 * The receipt for a reader who is not a technician: what it proves and where to keep it, in one
 * sentence, with the technical line (receiptShortForm) kept apart for "Tekniska detaljer". The
 * same words stand on the decision's page in the register, on the printable receipt and on page 1
 * of the decision document, so a procurer and a revisor read one promise in every place.
 */
export function receiptInPlainWords(receipt: Receipt, lang: 'sv' | 'en' = 'sv'): { summary: string; technical: string } {
  const technical = receiptShortForm(receipt, lang);
  if (receipt.status === 'pending') {
    const by = swedishTime(receipt.checkpointBy, lang);
    return {
      summary:
        lang === 'sv'
          ? `Beslut nr ${receipt.recordId} är sparat i beslutsregistret. Registret bekräftar det med sin signatur senast ${by}; hämta då kvittot från beslutets sida och spara det med beslutet.`
          : `Decision no. ${receipt.recordId} is saved in the decision register. The register confirms it with its signature by ${swedishTime(receipt.checkpointBy, 'en')}; then fetch the receipt from the decision's page and keep it with the decision.`,
      technical,
    };
  }
  return {
    summary:
      lang === 'sv'
        ? `Kvittot visar att beslut nr ${receipt.recordId} finns oförändrat i beslutsregistret, bekräftat med registrets signatur ${swedishTime(receipt.checkpointTime, 'sv')}. Spara det med beslutet: vid nästa granskning klistrar revisorn in det under Kontroll i beslutsregistret och ser om beslutet fortfarande är detsamma.`
        : `The receipt shows that decision no. ${receipt.recordId} is in the decision register unchanged, confirmed by the register's signature at ${swedishTime(receipt.checkpointTime, 'en')}. Keep it with the decision: at the next audit the auditor pastes it under Kontroll in the decision register and sees whether the decision is still the same.`,
    technical,
  };
}
