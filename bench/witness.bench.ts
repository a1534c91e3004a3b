import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { defaultSigningKeyFile } from '../src/server/start-server';
import { signCheckpoint } from '../src/server/transparency/checkpoint-note';
import { leafHash, MerkleTree } from '../src/server/transparency/merkle';
import { loadOrCreateSigningKey } from '../src/server/transparency/signing-key';
import { ljungbyAnswers, procurer, saveRequest, tempDir } from '../tests/server/fixtures';
import { spawnServer, stopServer } from '../tests/server/spawn-server';
import { spawnWitness, stopWitness } from '../tests/server/spawn-witness';

/**
 * The revisor's witness (src/witness), as its own process on 127.0.0.1:
 *   per checkpoint   what one add-checkpoint costs end to end: the register's signature checked,
 *                    the consistency proof from the last cosigned size verified, the cosignature
 *                    made and the state synced to disk before the answer (200 checkpoints, each
 *                    1,000 records after the last, over a tree growing to 200,000)
 *   saves/s          saves over HTTP to the real server with the witness configured, each 1,000th
 *                    save's checkpoint offered to it; aim ≥ 2,000/s, as without a witness
 */
export async function run(): Promise<void> {
  const dir = tempDir('vagval-bench-witness-');
  try {
    await benchPerCheckpoint(join(dir.path, 'per-checkpoint'));
    // The same saves without and with a witness, in one run: on a shared machine the ratio is the figure to read.
    const without = await benchSaves(join(dir.path, 'saves-alone'), false);
    const withWitness = await benchSaves(join(dir.path, 'saves'), true);
    console.log(`saves with a witness / without: ${(withWitness / without).toFixed(2)}`);
  } finally {
    dir.remove();
  }
}

const origin = 'vagval.local/register';
const aim = (met: boolean) => (met ? 'met' : 'NOT met');

async function benchPerCheckpoint(dataDir: string) {
  const key = loadOrCreateSigningKey(defaultSigningKeyFile(dataDir), origin, () => {});
  const witness = await spawnWitness(join(dataDir, 'witness'), key.vkey);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const tree = new MerkleTree();
  const rounds = 200;
  const step = 1000;
  let old = 0;
  let elapsed = 0;
  let refused = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < step; i++) tree.append(leafHash(`record ${tree.size}`));
      const note = signCheckpoint({ origin, size: tree.size, rootHash: tree.root(tree.size), time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') }, key).note;
      const proof = old > 0 ? tree.consistencyProof(old, tree.size) : [];
      const body = `old ${old}\n${proof.map((h) => `${h.toString('base64')}\n`).join('')}\n${note}`;
      const started = performance.now();
      const status = await rawPost(agent, `${witness.url}/add-checkpoint`, body);
      elapsed += performance.now() - started;
      if (status !== 200) refused++;
      old = tree.size;
    }
  } finally {
    agent.destroy();
    await stopWitness(witness.child);
  }
  console.log(`witnessing per checkpoint (signature + consistency proof + cosignature + state fsynced, over HTTP): ${(elapsed / rounds).toFixed(2)} ms (${rounds} checkpoints up to ${tree.size} records, ${refused} refused)`);
}

async function benchSaves(dataDir: string, withWitness: boolean): Promise<number> {
  const key = loadOrCreateSigningKey(defaultSigningKeyFile(dataDir), origin, () => {});
  const witness = withWitness ? await spawnWitness(join(`${dataDir}-witness`), key.vkey) : null;
  const witnessesFile = `${dataDir}-witnesses.json`;
  writeFileSync(witnessesFile, JSON.stringify(witness ? [{ name: 'Revisionen', key: witness.key, url: witness.url, maxAgeHours: 48 }] : []));
  const warmUp = 1000;
  const timed = 4000;
  const inFlight = 64;
  const payloads = Array.from({ length: warmUp + timed }, (_, i) => JSON.stringify(saveRequest({ ...ljungbyAnswers, value: { totalSek: 10_000 + i } })));
  const server = await spawnServer(dataDir, [], 20_000, { env: { VAGVAL_WITNESSES_FILE: witnessesFile } });
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  const send = async (from: number, to: number) => {
    let next = from;
    let failed = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < to) if ((await rawPost(agent, `${server.url}/api/decisions`, payloads[next++]!, procurer)) !== 201) failed++;
      }),
    );
    return failed;
  };
  try {
    const failedWarm = await send(0, warmUp);
    const started = performance.now();
    const failed = failedWarm + (await send(warmUp, warmUp + timed));
    const rate = timed / ((performance.now() - started) / 1000);
    await new Promise((r) => setTimeout(r, 500));
    const cosigned = witness ? (((await (await fetch(`${witness.url}/checkpoints`)).json()) as { logs: Array<{ size: number }> }).logs[0]?.size ?? 0) : 0;
    const what = witness ? `with a witness configured (it cosigned up to record ${cosigned})` : 'without a witness';
    console.log(`saves over HTTP ${what}: ${Math.round(rate)} saves/s (${timed} saves after ${warmUp} not timed, ${inFlight} in flight, ${failed} failed; aim ≥ 2000: ${aim(rate >= 2000 && failed === 0)})`);
    return rate;
  } finally {
    agent.destroy();
    await stopServer(server.child);
    if (witness) await stopWitness(witness.child);
  }
}

function rawPost(agent: Agent, url: string, body: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const type = url.endsWith('/add-checkpoint') ? 'text/plain; charset=utf-8' : 'application/json';
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}
