import type { Localized } from '../engine/ruleset-schema';
import { openCheckpoint } from '../server/transparency/checkpoint-note';
import { cosign, noteBody, type CosignerKey } from '../server/transparency/cosignature-note';
import { emptyRoot, verifyConsistency } from '../server/transparency/merkle';
import type { Verifier } from '../server/transparency/signing-key';
import type { WitnessState } from './witness-state';

/**
 * C2SP tlog-witness add-checkpoint: the request is `old <size>`, up to 63 consistency proof
 * lines, an empty line and the signed checkpoint; the answer is the cosignature, or a refusal
 * with the status the spec names and the reason in Swedish and English.
 */
export type WitnessAnswer =
  | { status: 200; cosignature: string; size: number; note: string }
  | { status: 400 | 403 | 404 | 422; reason: Localized }
  | { status: 409; size: number; reason: Localized };

export type WitnessOptions = {
  key: CosignerKey;
  /** The logs this witness follows: origin line → the register's verifier keys. */
  logs: ReadonlyMap<string, readonly Verifier[]>;
  state: WitnessState;
  now?: () => Date;
};

const maxProofLines = 63;
const sizePattern = /^(0|[1-9]\d*)$/;
const base64Hash = /^[A-Za-z0-9+/]{43}=$/;

type Parsed = { old: number; proof: Buffer[]; checkpoint: string } | { reason: Localized };

export function parseRequest(body: string): Parsed {
  const text = body.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  if (split < 0) return { reason: { sv: 'begäran saknar den tomma raden mellan "old"-raden med beviset och kontrollpunkten', en: 'the request has no empty line between the "old" line with its proof and the checkpoint' } };
  const [oldLine = '', ...proofLines] = text.slice(0, split).split('\n');
  const oldMatch = /^old (\S+)$/.exec(oldLine);
  if (!oldMatch || !sizePattern.test(oldMatch[1]!) || !Number.isSafeInteger(Number(oldMatch[1]))) {
    return { reason: { sv: `första raden ska vara "old <storlek>", inte "${oldLine.slice(0, 40)}"`, en: `the first line must be "old <size>", not "${oldLine.slice(0, 40)}"` } };
  }
  if (proofLines.length > maxProofLines) return { reason: { sv: `beviset har ${proofLines.length} rader, högst ${maxProofLines} tillåts`, en: `the proof has ${proofLines.length} lines, at most ${maxProofLines} are allowed` } };
  const bad = proofLines.findIndex((l) => !base64Hash.test(l));
  if (bad >= 0) return { reason: { sv: `bevisets rad ${bad + 1} är inte en 32 byte hash i base64`, en: `proof line ${bad + 1} is not a 32-byte hash in base64` } };
  return { old: Number(oldMatch[1]), proof: proofLines.map((l) => Buffer.from(l, 'base64')), checkpoint: text.slice(split + 2) };
}

/**
 * The witness: checks each offered checkpoint against the latest it cosigned for that log and
 * keeps only the newest. Requests are taken one at a time, so the check of the old size and the
 * stored update are one step (the spec's race: two requests must not roll the state back).
 */
export class Witness {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(readonly options: WitnessOptions) {
    this.now = options.now ?? (() => new Date());
  }

  addCheckpoint(body: string): Promise<WitnessAnswer> {
    const run = this.queue.then(() => this.judge(body));
    this.queue = run.catch(() => {});
    return run;
  }

  private judge(body: string): WitnessAnswer {
    const request = parseRequest(body);
    if ('reason' in request) return { status: 400, reason: request.reason };
    const origin = request.checkpoint.split('\n', 1)[0] ?? '';
    const verifiers = this.options.logs.get(origin);
    if (!verifiers) return { status: 404, reason: { sv: `vittnet följer ingen logg som heter "${origin.slice(0, 80)}"`, en: `the witness follows no log named "${origin.slice(0, 80)}"` } };
    const opened = openCheckpoint(request.checkpoint, verifiers);
    if (!opened.ok) {
      // A text that does not even open as a checkpoint is a bad request; one that opens but is not the log's is forbidden.
      const structure = openCheckpoint(request.checkpoint, []);
      const malformed = !structure.ok && !structure.reason.en.startsWith("the checkpoint is not signed by this register's key");
      return { status: malformed ? 400 : 403, reason: opened.reason };
    }
    const c = opened.checkpoint;
    const refuse = <A extends WitnessAnswer>(answer: A): A => {
      // Signed by the register and still refused: kept, since it may prove the register signed two histories.
      if (answer.status !== 200) this.options.state.refused({ at: this.now().toISOString(), origin, status: answer.status, reason: 'reason' in answer ? answer.reason.en : '', request: body });
      return answer;
    };
    const seen = this.options.state.get(origin);
    const seenSize = seen?.size ?? 0;
    if (request.old > c.size) {
      return refuse({
        status: 400,
        reason:
          c.size < seenSize
            ? { sv: `vittnet har redan bevittnat ${seenSize} beslut; en kontrollpunkt med ${c.size} är att gå tillbaka`, en: `the witness already cosigned ${seenSize} records; a checkpoint of ${c.size} is a rollback` }
            : { sv: `den gamla storleken ${request.old} är större än kontrollpunktens ${c.size}`, en: `the old size ${request.old} is larger than the checkpoint's ${c.size}` },
      });
    }
    if (request.old !== seenSize) {
      const rollback = c.size < seenSize;
      return refuse({
        status: 409,
        size: seenSize,
        reason: rollback
          ? { sv: `vittnet har redan bevittnat ${seenSize} beslut; en kontrollpunkt med ${c.size} vore att gå tillbaka`, en: `the witness already cosigned ${seenSize} records; a checkpoint of ${c.size} would be a rollback` }
          : { sv: `vittnet har senast bevittnat ${seenSize} beslut, inte ${request.old}: skicka beviset från ${seenSize}`, en: `the witness last cosigned ${seenSize} records, not ${request.old}: send the proof from ${seenSize}` },
      });
    }
    const seenRoot = seen ? Buffer.from(seen.rootHash, 'base64') : emptyRoot;
    if (request.old === c.size && !seenRoot.equals(c.rootHash)) {
      return refuse({
        status: 409,
        size: seenSize,
        reason: { sv: `registret har signerat två olika träd med ${c.size} beslut: loggen har förgrenats`, en: `the register signed two different trees of ${c.size} records: the log forked` },
      });
    }
    if (!verifyConsistency(request.old, c.size, seenRoot, c.rootHash, request.proof)) {
      return refuse({
        status: 422,
        reason: {
          sv: `kontrollpunkten med ${c.size} beslut bygger inte vidare på de ${request.old} som vittnet såg: beviset håller inte, så något av de tidigare besluten har ändrats eller loggen förgrenats`,
          en: `the checkpoint of ${c.size} records does not extend the ${request.old} the witness saw: the proof fails, so an earlier record was changed or the log forked`,
        },
      });
    }
    const now = this.now();
    const cosignature = cosign(noteBody(c.note), this.options.key, Math.floor(now.getTime() / 1000));
    this.options.state.put(origin, { size: c.size, rootHash: c.rootHash.toString('base64'), note: c.note, cosignature, cosignedAt: now.toISOString() });
    return { status: 200, cosignature, size: c.size, note: c.note };
  }
}
