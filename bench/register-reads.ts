import { auditor } from '../tests/server/fixtures';
import { spawnServer, stopServer } from '../tests/server/spawn-server';
import { seedRecords } from './register-seed';

/** `--records N` on the bench's command line, else the default. */
export function recordsOption(fallback: number): number {
  const i = process.argv.indexOf('--records');
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--records must be a whole number of records, not ${process.argv[i + 1]}`);
  return value;
}

/** Every filter the register page can send, single and combined, including ranges that match everything. */
export const listFilters = [
  '',
  'organisation=lekeberg',
  'route=reserved-contract',
  'route=iop',
  'supplierKind=ideaburen&organisation=motala',
  'from=2025-01-01&to=2025-06-30',
  'from=2000-01-01&to=2099-12-31',
  'from=2000-01-01',
  'to=2099-12-31',
  'minValue=1000000&maxValue=2000000',
  'minValue=0&maxValue=100000000000',
  'minValue=0',
  'organisation=region-orebro&route=direct-award&from=2024-01-01',
  'supplierKind=social-enterprise&minValue=500000',
  'organisation=ljungby&from=2026-03-01&to=2026-03-31&route=iop',
  'organisation=motala&from=2000-01-01&to=2099-12-31&minValue=0',
  'from=2023-01-01&to=2023-01-31&minValue=2500000',
];

export const statsQueries = ['', 'period=quarter', 'period=month', 'organisation=lekeberg&period=month', 'from=2024-01-01&to=2024-12-31&period=quarter', 'from=2000-01-01&to=2099-12-31'];

type Percentiles = { p50: number; p95: number; p99: number; max: number };
function percentiles(times: number[]): Percentiles {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]! };
}
const ms = (p: Percentiles) => `p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms, max ${p.max.toFixed(1)} ms`;
const aim = (met: boolean) => (met ? 'met' : 'MISSED');

/** Times GET requests over HTTP against the real server, round-robin over the queries, after a warm-up. */
async function timeRequests(url: string, path: string, queries: string[], rounds: number): Promise<{ all: number[]; byQuery: Map<string, number[]> }> {
  const all: number[] = [];
  const byQuery = new Map<string, number[]>(queries.map((q) => [q, []]));
  for (let i = 0; i < queries.length * (rounds + 2); i++) {
    const query = queries[i % queries.length]!;
    const started = performance.now();
    const response = await fetch(`${url}${path}?${query}`, { headers: auditor });
    if (!response.ok) throw new Error(`${path}?${query} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (i < queries.length * 2) continue; // warm-up: two rounds
    all.push(elapsed);
    byQuery.get(query)!.push(elapsed);
  }
  return { all, byQuery };
}

/**
 * Lists (25 newest matching) and statistics over `count` stored records, over HTTP; the aim is
 * p95 < 50 ms for every filter. With `databaseUrl` the records are in that PostgreSQL database.
 */
export async function benchReads(dataDir: string, count: number, databaseUrl?: string): Promise<void> {
  await seedRecords(dataDir, count, databaseUrl);
  await measureReads(dataDir, count, databaseUrl);
}

/** The timing part of benchReads, on a register already seeded with `count` records. */
export async function measureReads(dataDir: string, count: number, databaseUrl?: string): Promise<void> {
  const server = await spawnServer(dataDir, [], 15 * 60_000, { env: { VAGVAL_DATABASE_URL: databaseUrl } });
  const store = databaseUrl ? 'PostgreSQL' : 'SQLite';
  try {
    const lists = await timeRequests(server.url, '/api/decisions', listFilters.map((f) => `${f}${f ? '&' : ''}limit=25`), 30);
    const worst = [...lists.byQuery].map(([q, t]) => [q, percentiles(t).p95] as const).sort((a, b) => b[1] - a[1]);
    const listP = percentiles(lists.all);
    console.log(`list over HTTP (${store}), ${count} records, 25 per page, ${listFilters.length} filters × 30: ${ms(listP)}; slowest filter p95 ${worst[0]![1].toFixed(1)} ms (${worst[0]![0] || 'no filter'}) (aim p95 < 50 ms for every filter: ${aim(worst[0]![1] < 50)})`);
    for (const [q, p95] of worst.slice(0, 3)) console.log(`  ${store} list p95 ${p95.toFixed(1)} ms: ${q}`);
    const stats = await timeRequests(server.url, '/api/stats', statsQueries, 30);
    const worstStats = Math.max(...[...stats.byQuery.values()].map((t) => percentiles(t).p95));
    console.log(`stats over HTTP (${store}), ${count} records, ${statsQueries.length} queries × 30: ${ms(percentiles(stats.all))}; slowest query p95 ${worstStats.toFixed(1)} ms (aim p95 < 50 ms: ${aim(worstStats < 50)})`);
  } finally {
    await stopServer(server.child);
  }
}
