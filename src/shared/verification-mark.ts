import { z } from 'zod/mini';
import type { Localized } from '../engine/ruleset-schema';
import { swedishTime } from './swedish-time';

/**
 * A record the latest verification run found failing: its page carries a banner, and the
 * exception reports, statistics and their CSV files mark it, so a forged value is never shown as
 * if it were the one saved. Cleared by the next run that passes it.
 */
export const verificationMarkSchema = z.strictObject({
  runId: z.string(),
  /** When the run finished. */
  at: z.string(),
});
export type VerificationMark = z.infer<typeof verificationMarkSchema>;

/** The failing records among figures that add up many: which ones, and when the run found them. */
export const failedInFiguresSchema = z.strictObject({ runId: z.string(), at: z.string(), ids: z.array(z.number().check(z.int(), z.positive())) });
export type FailedInFigures = z.infer<typeof failedInFiguresSchema>;

/** The notice above (or, in a CSV, below) figures that count records the latest verification failed. */
export function failedInFiguresNotice(f: Pick<FailedInFigures, 'at' | 'ids'>): Localized {
  return {
    sv: `Beslut nr ${f.ids.join(', ')} underkändes i den senaste kontrollen (${swedishTime(f.at, 'sv')}). De räknas här med sina lagrade värden, som kan vara ändrade.`,
    en: `Decisions no. ${f.ids.join(', ')} failed the latest verification (${swedishTime(f.at, 'en')}). They are counted here with their stored values, which may have been changed.`,
  };
}

/** The notice above a list of decisions that shows records the latest verification failed. */
export function failedInListNotice(f: Pick<FailedInFigures, 'at' | 'ids'>): Localized {
  const one = f.ids.length === 1;
  return {
    sv: `${one ? 'Beslut' : 'Besluten'} nr ${f.ids.join(', ')} underkändes i den senaste kontrollen (${swedishTime(f.at, 'sv')}): de stämmer inte med registrets signerade logg, och uppgifterna i listan kan vara ändrade efter att de sparades.`,
    en: `Decision${one ? '' : 's'} no. ${f.ids.join(', ')} failed the latest verification (${swedishTime(f.at, 'en')}): ${one ? 'it does' : 'they do'} not match the register's signed log, and what the list shows may have been changed after saving.`,
  };
}
