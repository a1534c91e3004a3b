import { readFileSync } from 'node:fs';
import type { Witness, WitnessAnswer } from './add-checkpoint';

/**
 * The witness without a network path from the register to it: the revisor's witness asks the
 * register's public endpoints for the latest checkpoint and the consistency proof from what the
 * witness last cosigned (pull), or reads the same from files brought from the register (check).
 * Either way the request is judged exactly as a POST /add-checkpoint would be.
 */

const requestBody = (old: number, proof: readonly string[], checkpoint: string) => `old ${old}\n${proof.map((p) => `${p}\n`).join('')}\n${checkpoint}`;

const originOf = (note: string) => note.replace(/^\s+/, '').split('\n', 1)[0] ?? '';
const sizeOf = (note: string) => Number(note.replace(/^\s+/, '').split('\n')[1]);

function seenSize(witness: Witness, note: string): number {
  return witness.options.state.get(originOf(note))?.size ?? 0;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return response.text();
}

export async function pullFrom(registerUrl: string, witness: Witness): Promise<{ answer: WitnessAnswer; handedBack: string | null }> {
  const base = registerUrl.replace(/\/+$/, '');
  const note = await fetchText(`${base}/api/transparency/checkpoint`);
  const old = seenSize(witness, note);
  const size = sizeOf(note);
  let proof: string[] = [];
  // A register smaller than what the witness saw has no proof to give: the witness refuses it as a rollback.
  if (old > 0 && old <= size) proof = (JSON.parse(await fetchText(`${base}/api/transparency/consistency?first=${old}&second=${size}`)) as { proof: string[] }).proof;
  const answer = await witness.addCheckpoint(requestBody(old, proof, note));
  if (answer.status !== 200) return { answer, handedBack: null };
  // The cosignature is handed back to the register, which keeps it and shows it; the witness keeps its own copy either way.
  try {
    const response = await fetch(`${base}/api/transparency/cosignatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cosigned: `${answer.note}${answer.cosignature}` }),
      signal: AbortSignal.timeout(30_000),
    });
    return { answer, handedBack: response.ok ? 'registret tog emot kontrasignaturen / the register took the cosignature' : `registret tog inte emot kontrasignaturen (${response.status}) / the register did not take the cosignature: ${(await response.text()).slice(0, 200)}` };
  } catch (error) {
    return { answer, handedBack: `kontrasignaturen kunde inte lämnas till registret / the cosignature could not be handed to the register: ${(error as Error).message}` };
  }
}

/**
 * Files from the register: a checkpoint (GET /api/transparency/checkpoint saved as a file), and
 * when the witness has cosigned before, the consistency proof from its size (GET
 * /api/transparency/consistency?first=<witness size>&second=<checkpoint size>, saved as JSON); or one
 * file holding a whole add-checkpoint request.
 */
export async function checkFiles(files: readonly string[], witness: Witness): Promise<WitnessAnswer> {
  let checkpoint: string | null = null;
  let proof: { first: number; second: number; proof: string[] } | null = null;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (text.startsWith('old ')) return witness.addCheckpoint(text);
    if (text.trimStart().startsWith('{')) {
      const parsed = JSON.parse(text) as Partial<{ first: number; second: number; proof: string[] }>;
      if (!Number.isInteger(parsed.first) || !Number.isInteger(parsed.second) || !Array.isArray(parsed.proof)) throw new Error(`${file} is not a consistency proof (first, second, proof)`);
      proof = parsed as { first: number; second: number; proof: string[] };
    } else checkpoint = text;
  }
  if (!checkpoint) throw new Error('none of the files is a checkpoint');
  const old = seenSize(witness, checkpoint);
  if (old > 0 && !proof) throw new Error(`the witness last cosigned ${old} records: bring the consistency proof from ${old} (/api/transparency/consistency?first=${old}&second=${sizeOf(checkpoint)})`);
  if (proof && proof.first !== old) throw new Error(`the proof starts at ${proof.first} records, but the witness last cosigned ${old}: bring the proof from ${old}`);
  if (proof && proof.second !== sizeOf(checkpoint)) throw new Error(`the proof ends at ${proof.second} records, the checkpoint has ${sizeOf(checkpoint)}`);
  return witness.addCheckpoint(requestBody(old, old > 0 ? (proof?.proof ?? []) : [], checkpoint));
}
