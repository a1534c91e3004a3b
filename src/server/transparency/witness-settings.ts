import { readFileSync } from 'node:fs';
import { parseCosignerKey } from './cosignature-note';
import { witnessSettingsSchema, type WitnessSetting } from './cosignatures';

/**
 * The witnesses file (VAGVAL_WITNESSES_FILE): a JSON list of
 * `{ "name": "Revisionen", "key": "<what npm run witness prints>", "url": "http://revisor-host:4180", "maxAgeHours": 48 }`.
 * A file that does not read stops the start with what is wrong and where.
 */
export function loadWitnessSettings(file: string | undefined): WitnessSetting[] | undefined {
  if (!file) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`the witnesses file ${file} could not be read as JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = witnessSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`the witnesses file ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  }
  parsed.data.forEach((w, i) => {
    try {
      parseCosignerKey(w.key);
    } catch (error) {
      throw new Error(`the witnesses file ${file}: ${i}.key: ${(error as Error).message}`, { cause: error });
    }
  });
  return parsed.data;
}
