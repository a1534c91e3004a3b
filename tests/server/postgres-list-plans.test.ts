import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PostgresDecisionStore } from '../../src/server/store/postgres-store';
import type { ListFilter } from '../../src/shared/decision-record';
import { postgresBinDir, startPostgres } from './postgres-server';

// The PostgreSQL twin of the SQLite plan test in list-paging.test.ts. PostgreSQL's planner takes
// the filter columns as independent, so a combination that matches no record looked cheap to find
// by walking the primary key backwards: at a million records that read every row. Here every list
// the register page can send is asked for its plan and its actual rows on a table large enough
// for the planner to prefer an index, and fails if it reads the table or walks past its index.
const bin = postgresBinDir();
if (bin === null && process.env.VAGVAL_REQUIRE_POSTGRES) {
  throw new Error('VAGVAL_REQUIRE_POSTGRES is set but no PostgreSQL server programs were found under /usr/lib/postgresql (Debian package postgresql).');
}

const records = 120_000;
/** More rows than this read by one scan of the decisions table for one page of 26 is a walk. */
const readAtMost = 6_000;

/** Every filter of the register bench (bench/register-reads.ts), and a procurer's own organisations. */
const filters: ListFilter[] = [
  {},
  { organisation: 'lekeberg' },
  { route: 'reserved-contract' },
  { route: 'iop' },
  { supplierKind: 'ideaburen', organisation: 'motala' },
  { from: '2025-01-01', to: '2025-06-30' },
  { from: '2000-01-01', to: '2099-12-31' },
  { from: '2000-01-01' },
  { to: '2099-12-31' },
  { minValue: 1_000_000, maxValue: 2_000_000 },
  { minValue: 0, maxValue: 100_000_000_000 },
  { minValue: 0 },
  { organisation: 'region-orebro', route: 'direct-award', from: '2024-01-01' },
  { supplierKind: 'social-enterprise', minValue: 500_000 },
  { organisation: 'ljungby', from: '2026-03-01', to: '2026-03-31', route: 'iop' },
  { organisation: 'motala', from: '2000-01-01', to: '2099-12-31', minValue: 0 },
  { from: '2023-01-01', to: '2023-01-31', minValue: 2_500_000 },
  { route: 'iop', supplierKind: 'any' },
  { to: '2023-02-28', maxValue: 100_000 },
];

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
};

function* nodes(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* nodes(child);
}

/** The scans of the decisions table in a plan, each with the rows it read (kept or removed). */
function scansOfDecisions(plan: PlanNode): { scan: string; read: number }[] {
  return [...nodes(plan)]
    .filter((n) => n['Relation Name'] === 'decisions')
    .map((n) => ({
      scan: `${n['Node Type']}${n['Index Name'] ? ` on ${n['Index Name']}` : ''}`,
      read: (n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Index Recheck'] ?? 0)) * n['Actual Loops'],
    }));
}

describe.skipIf(bin === null)('lists on PostgreSQL at scale', () => {
  let database: Awaited<ReturnType<typeof startPostgres>>;
  let store: PostgresDecisionStore;
  let client: pg.Client;

  beforeAll(async () => {
    database = await startPostgres(bin!);
    store = await PostgresDecisionStore.open(database.url);
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    // Rows as the bench's seed spreads them: organisation, route and supplier kind go together, so
    // some combinations have no record at all; dates and values are spread over four years.
    await client.query("INSERT INTO rulesets VALUES ('r', '1', '{}', '2026-01-01')");
    await client.query(
      `INSERT INTO decisions (id, prev_hash, hash, content, organisation, decision_date, chosen_route, supplier_kind, total_sek, ruleset_hash, corrects)
       SELECT i::int, md5((i - 1)::text), md5(i::text), json_build_object('verdicts', json_build_object((ARRAY['direct-award', 'social-considerations', 'reserved-contract', 'iop'])[1 + i % 4], 'allowed'), 'justification', repeat('Beslut ', 40))::text,
         (ARRAY['ljungby', 'motala', 'lekeberg', 'region-orebro', 'region-ostergotland', 'other'])[1 + i % 6],
         to_char(date '2023-01-01' + ((i * 7919) % 1461)::int, 'YYYY-MM-DD'),
         (ARRAY['direct-award', 'social-considerations', 'reserved-contract', 'iop'])[1 + i % 4],
         (ARRAY['any', 'social-enterprise', 'ideaburen'])[1 + i % 3],
         20000 + ((i * 104729) % 60) * 50000, 'r', NULL
       FROM generate_series(1, $1::bigint) AS i`,
      [records],
    );
    // The visibility map as autovacuum sets it after a bulk load; the planner's statistics come
    // from the store's next start, as for a register that had its records before.
    await client.query('VACUUM decisions');
    await store.close();
    store = await PostgresDecisionStore.open(database.url);
  }, 300_000);
  afterAll(async () => {
    await client?.end();
    await store?.close();
    database?.stop();
  });

  /** The statements the store sends for one list page, each with its parameters. */
  async function listStatements(filter: ListFilter, before?: number): Promise<{ text: string; values: unknown[] }[]> {
    const sent: { text: string; values: unknown[] }[] = [];
    const original = pg.Client.prototype.query;
    const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
      if (typeof first === 'string') sent.push({ text: first, values: Array.isArray(second) ? second : [] });
      else sent.push({ text: first.text, values: first.values ?? [] });
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as never);
    try {
      await store.list(filter, 25, before);
    } finally {
      spy.mockRestore();
    }
    return sent.filter((s) => /\bFROM decisions\b/.test(s.text));
  }

  it.each(filters.map((f) => [JSON.stringify(f), f] as const))('answers %s from an index, reading no more than a few thousand rows', async (_name, filter) => {
    for (const before of [undefined, records / 3]) {
      const statements = await listStatements(filter, before);
      expect(statements.length).toBeGreaterThan(0);
      for (const { text, values } of statements) {
        const result = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, values);
        const scans = scansOfDecisions(result.rows[0]!['QUERY PLAN'][0].Plan);
        expect(scans.map((s) => s.scan), text).not.toContain('Seq Scan');
        for (const scan of scans) expect(scan.read, `${scan.scan} in ${text} ${JSON.stringify(values)}`).toBeLessThanOrEqual(readAtMost);
      }
    }
  });

  it('gives the same pages as a full scan would', async () => {
    for (const filter of filters) {
      const page = await store.list(filter, 25);
      const { where, params } = plainWhere(filter);
      const expected = await client.query<{ id: number }>(`SELECT id FROM decisions ${where} ORDER BY id DESC LIMIT 25`, params);
      expect(page.items.map((r) => r.id), JSON.stringify(filter)).toEqual(expected.rows.map((r) => r.id));
    }
  });
});

/** The filter written without any help for the planner, as the reference the pages are compared with. */
function plainWhere(filter: ListFilter): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(`${sql} $${params.length}`);
  };
  if (filter.organisation) add('organisation =', filter.organisation);
  if (filter.route) add('chosen_route =', filter.route);
  if (filter.supplierKind) add('supplier_kind =', filter.supplierKind);
  if (filter.from) add('decision_date >=', filter.from);
  if (filter.to) add('decision_date <=', filter.to);
  if (filter.minValue !== undefined) add('total_sek >=', filter.minValue);
  if (filter.maxValue !== undefined) add('total_sek <=', filter.maxValue);
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
