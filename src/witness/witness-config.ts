import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVerifierKey, type Verifier } from '../server/transparency/signing-key';

/**
 * What the witness trusts, kept in its state folder (witness.json) so that the revisor names
 * the register's key once: the witness's own name, and per log (origin line) the register's
 * verifier keys. `--log <vkey>` (origin = the key's name, as the register names its key after
 * its origin) or `--log <origin>=<vkey>` adds a log; the name is fixed when the key is made.
 */
export type WitnessConfig = { name: string; logs: Array<{ origin: string; keys: string[] }> };

export const defaultWitnessName = 'vittne.local/revisor';

export function loadWitnessConfig(dir: string, name: string | undefined, addLogs: readonly string[]): { config: WitnessConfig; logs: Map<string, Verifier[]> } {
  const file = join(dir, 'witness.json');
  const saved: WitnessConfig | null = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as WitnessConfig) : null;
  if (saved && name && name !== saved.name) throw new Error(`this witness is named "${saved.name}" (${file}); its name cannot change, since its key id is made from it`);
  const config: WitnessConfig = { name: saved?.name ?? name ?? defaultWitnessName, logs: saved?.logs ?? [] };
  if (/\s|\+/.test(config.name)) throw new Error('the witness name may not hold spaces or "+"');
  for (const spec of addLogs) {
    const eq = spec.lastIndexOf('=', spec.indexOf('+'));
    const vkey = eq > 0 ? spec.slice(eq + 1) : spec;
    let verifier: Verifier;
    try {
      verifier = parseVerifierKey(vkey);
    } catch (error) {
      throw new Error(`--log ${spec.slice(0, 60)}: ${(error as Error).message}`, { cause: error });
    }
    const origin = eq > 0 ? spec.slice(0, eq) : verifier.name;
    const entry = config.logs.find((l) => l.origin === origin);
    if (!entry) config.logs.push({ origin, keys: [verifier.vkey] });
    else if (!entry.keys.includes(verifier.vkey)) entry.keys.push(verifier.vkey);
  }
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return { config, logs: new Map(config.logs.map((l) => [l.origin, l.keys.map((k) => parseVerifierKey(k))])) };
}
