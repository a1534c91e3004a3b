import { mkdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { openTransparency } from '../src/server/start-server';
import { SqliteDecisionStore } from '../src/server/store/sqlite-store';
import { verifyRunSchema, type VerificationReport } from '../src/shared/transparency';
import { auditor, ljungbyAnswers, procurer, saveRequest } from '../tests/server/fixtures';
import { profileArgs, spawnServer, stopServer } from '../tests/server/spawn-server';

/**
 * Verification at N records, against the real server in its own process.
 *   migration        the Merkle tree built over N records that have none (an old register's first start)
 *   full verify      every record re-evaluated, hashed, leaf-checked; every checkpoint checked
 *   longest stall    the slowest of the probe requests (GET /api/health, one after another over a
 *                    kept-alive socket) answered while the full verify ran: aim < 50 ms
 *   incremental      a verify from the checkpoint the full run reached, after 1,000 more saves: aim < 2 s
 * `seed` fills a data dir with N chained records the way the register bench does.
 */
export async function benchVerify(dataDir: string, records: number, seed: (dataDir: string, count: number) => Promise<void>): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  await seed(dataDir, records);
  await benchMigration(dataDir, records);
  const server = await spawnServer(dataDir, profileArgs(), 15 * 60_000);
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  try {
    // The same probes with nothing else running: on a shared machine its own noise is part of every figure.
    const baseline = await probe(agent, server.url, 10_000);
    console.log(`probe requests with no verify running (the machine's own noise), 10 s: ${baseline.count}, p50 ${baseline.p50.toFixed(1)} ms, p99 ${baseline.p99.toFixed(1)} ms, p99.9 ${baseline.p999.toFixed(1)} ms, longest ${baseline.max.toFixed(1)} ms, ${baseline.over50} over 50 ms`);
    const full = await runWithProbes(agent, server.url, 'full');
    const stall = full.stalls;
    console.log(
      `full verify over HTTP, ${full.report.checked} records: ${(full.report.durationMs / 1000).toFixed(1)} s (${Math.round(full.report.checked / (full.report.durationMs / 1000))} records/s, ok ${full.report.ok}; no aim is set for its length, only for the stall); ` +
        `the main thread's longest piece of it (reading a page, comparing its leaves) ${full.report.longestSliceMs} ms; ` +
        `probe requests meanwhile: ${stall.count}, p50 ${stall.p50.toFixed(1)} ms, p99 ${stall.p99.toFixed(1)} ms, p99.9 ${stall.p999.toFixed(1)} ms, longest ${stall.max.toFixed(1)} ms, ${stall.over50} over 50 ms (aim longest < 50 ms: ${aim(stall.max < 50)})`,
    );
    const added = 1000;
    const bodies = Array.from({ length: added }, (_, i) => JSON.stringify(saveRequest({ ...ljungbyAnswers, value: { totalSek: 5_000 + i } })));
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < added) await call(agent, `${server.url}/api/decisions`, 'POST', bodies[next++]!, procurer);
      }),
    );
    const incremental = await runWithProbes(agent, server.url, 'incremental');
    const seconds = incremental.report.durationMs / 1000;
    console.log(
      `incremental verify over HTTP after ${added} more saves: ${incremental.report.checked} records checked in ${seconds.toFixed(2)} s, from checkpoint ${incremental.report.fromCheckpoint?.treeSize ?? 'none'} to ${incremental.report.reached?.treeSize ?? 'none'} (ok ${incremental.report.ok}; aim < 2 s: ${aim(seconds < 2 && incremental.report.checked === added)}); longest stall ${incremental.stalls.max.toFixed(1)} ms`,
    );
  } finally {
    agent.destroy();
    await stopServer(server.child);
  }
}

async function benchMigration(dataDir: string, records: number): Promise<void> {
  const store = new SqliteDecisionStore(join(dataDir, 'register.sqlite'));
  const started = performance.now();
  const log = await openTransparency(store, { dataDir, log: () => {} });
  const seconds = (performance.now() - started) / 1000;
  await log.close();
  await store.close();
  console.log(`tree built over ${records} existing records on first start (migration): ${seconds.toFixed(1)} s (${Math.round(records / seconds)} records/s)`);
}

type Stalls = { count: number; p50: number; p99: number; p999: number; max: number; over50: number };

function stallsOf(times: number[]): Stalls {
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { count: times.length, p50: at(0.5), p99: at(0.99), p999: at(0.999), max: times.at(-1) ?? 0, over50: times.filter((t) => t > 50).length };
}

async function probe(agent: Agent, url: string, ms: number): Promise<Stalls> {
  const times: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const t0 = performance.now();
    await call(agent, `${url}/api/health`, 'GET');
    times.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return stallsOf(times);
}

/** Starts a run and probes the server with one request after another until the run is done. */
async function runWithProbes(agent: Agent, url: string, mode: 'full' | 'incremental'): Promise<{ report: VerificationReport; stalls: Stalls }> {
  const started = verifyRunSchema.parse(JSON.parse((await call(agent, `${url}/api/verify/runs`, 'POST', JSON.stringify({ mode }), auditor)).body));
  const times: number[] = [];
  let report: VerificationReport | null = null;
  let lastPoll = 0;
  while (!report) {
    const t0 = performance.now();
    await call(agent, `${url}/api/health`, 'GET');
    times.push(performance.now() - t0);
    if (performance.now() - lastPoll > 250) {
      lastPoll = performance.now();
      const run = verifyRunSchema.parse(JSON.parse((await call(agent, `${url}/api/verify/runs/${started.progress.runId}`, 'GET', undefined, auditor)).body));
      if (run.progress.status === 'failed') throw new Error(`the run failed: ${run.progress.error}`);
      report = run.report;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { report, stalls: stallsOf(times) };
}

function call(agent: Agent, url: string, method: 'GET' | 'POST', body?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const aim = (met: boolean) => (met ? 'met' : 'MISSED');
