import { z } from 'zod/mini';
import { localizedSchema } from './localized-text';

/**
 * GET /api/transparency/witnesses: each witness the register is configured with, and the latest
 * checkpoint it cosigned (verified under its key), for the Kontroll page and receipts to say
 * "Bevittnat av <vittnets namn> t.o.m. nr N, <datum>".
 */
export const witnessStatusSchema = z.strictObject({
  name: z.string(),
  /** The witness's C2SP verifier key (cosignature type 0x04). */
  verifierKey: z.string(),
  maxAgeHours: z.number().check(z.positive()),
  /** The largest tree the witness cosigned, null if none yet. */
  size: z.nullable(z.number().check(z.int(), z.nonnegative())),
  cosignedAt: z.nullable(z.string()),
  /** The checkpoint with its cosignature line, to copy into an audit report. */
  cosigned: z.nullable(z.string()),
  /** Whether the latest cosignature is older than its limit while records were saved after it. */
  stale: z.boolean(),
  /** The witness's latest refusal of a checkpoint the register offered, since the server started. */
  refused: z.nullable(z.strictObject({ size: z.number(), status: z.number(), reason: localizedSchema, at: z.string() })),
});
export type WitnessStatus = z.infer<typeof witnessStatusSchema>;

export const witnessesSchema = z.strictObject({ witnesses: z.array(witnessStatusSchema) });
export type Witnesses = z.infer<typeof witnessesSchema>;
