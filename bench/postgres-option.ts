import pg from 'pg';
import { postgresBinDir, startPostgres } from '../tests/server/postgres-server';

/**
 * `--postgres [postgres://…]` on the bench's command line: the PostgreSQL server to measure beside
 * SQLite. Without a URL a throw-away cluster is started from Debian's postgresql as the tests do.
 * Each part gets a database of its own on that server (`fresh`), dropped at `close`, so a given
 * server needs CREATEDB for its user and keeps none of the bench's records.
 */
export type BenchPostgres = { fresh: (name: string) => Promise<string>; close: () => Promise<void> };

export async function postgresOption(): Promise<BenchPostgres | null> {
  const i = process.argv.indexOf('--postgres');
  if (i < 0) return null;
  const given = process.argv[i + 1]?.startsWith('postgres') ? process.argv[i + 1]! : null;
  let cluster: { url: string; stop: () => void } | null = null;
  if (!given) {
    const bin = postgresBinDir();
    if (!bin) throw new Error('--postgres without a URL starts a throw-away cluster, but no PostgreSQL server programs were found under /usr/lib/postgresql (Debian package postgresql); give a postgres:// URL instead');
    cluster = await startPostgres(bin);
  }
  const server = given ?? cluster!.url;
  const made: string[] = [];
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    fresh: async (name) => {
      const database = `vagval_bench_${name}_${process.pid}`;
      await admin(`CREATE DATABASE ${database}`);
      made.push(database);
      const url = new URL(server);
      url.pathname = `/${database}`;
      return url.toString();
    },
    close: async () => {
      for (const database of made) await admin(`DROP DATABASE IF EXISTS ${database}`).catch(() => {});
      cluster?.stop();
    },
  };
}
