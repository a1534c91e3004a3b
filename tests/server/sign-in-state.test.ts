import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySignInState, PostgresSignInState, SqliteSignInState, type SignInState } from '../../src/server/sign-in/sign-in-state';
import { SessionStore } from '../../src/server/sign-in/sessions';
import type { MappedUser } from '../../src/server/sign-in/claim-mapping';
import { tempDir } from './fixtures';
import { postgresBinDir, startPostgres } from './postgres-server';

const bin = postgresBinDir();
if (bin === null && process.env.VAGVAL_REQUIRE_POSTGRES) {
  throw new Error('VAGVAL_REQUIRE_POSTGRES is set but no PostgreSQL server programs were found under /usr/lib/postgresql (Debian package postgresql).');
}

const user: MappedUser = { user: 'anna.upphandlare', roles: ['procurer'], organisations: ['ljungby'] };
const pending = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/register' };
const dir = tempDir('vagval-sign-in-state-');
afterAll(() => dir.remove());

function behavesAsSessions(name: string, make: () => Promise<SignInState>) {
  describe(`sessions kept ${name}`, () => {
    it('opens, finds and closes a session, and an expired one is not found', async () => {
      let now = 1_000_000;
      const state = await make();
      const store = new SessionStore(state, { sessions: 10, pending: 10, pendingMs: 60_000 }, () => now);
      const id = await store.open(user, 1, 'id-token');
      expect(await store.get(id)).toMatchObject({ ...user, via: 'oidc', idToken: 'id-token' });
      expect(await store.get('guessed')).toBeUndefined();
      now += 2 * 3600 * 1000;
      expect(await store.get(id)).toBeUndefined();
      const second = await store.open(user, 1, undefined);
      expect(await store.close(second)).toMatchObject(user);
      expect(await store.get(second)).toBeUndefined();
      await store.shutDown();
    });

    it('takes a sign-in under way once only, and keeps no more of them than its limit, dropping the oldest', async () => {
      const state = await make();
      const store = new SessionStore(state, { sessions: 10, pending: 3, pendingMs: 60_000 });
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await store.startSignIn({ ...pending, returnTo: `/r${i}` }));
      expect(await store.takeSignIn(ids[0])).toBeUndefined();
      expect(await store.takeSignIn(ids[4])).toMatchObject({ returnTo: '/r4' });
      expect(await store.takeSignIn(ids[4])).toBeUndefined();
      await store.shutDown();
    });
  });
}

behavesAsSessions('in the process', async () => new MemorySignInState());
behavesAsSessions('in a SQLite file', async () => new SqliteSignInState(join(dir.path, `${Math.random().toString(36).slice(2)}.sqlite`)));

it('keeps the SQLite file for the server\'s user alone: it holds ID tokens and PKCE verifiers', async () => {
  const file = join(dir.path, 'mode.sqlite');
  const state = new SqliteSignInState(file);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  await state.close();
});

describe.skipIf(bin === null)('sessions on one PostgreSQL, shared by two instances', () => {
  let database: Awaited<ReturnType<typeof startPostgres>>;
  beforeAll(async () => {
    database = await startPostgres(bin!);
  });
  afterAll(() => database?.stop());

  behavesAsSessions('in PostgreSQL', async () => PostgresSignInState.open(database.url));

  it('a sign-in started at one instance finishes at the other, once only, and its session is known to both', async () => {
    const a = new SessionStore(PostgresSignInState.open(database.url));
    const b = new SessionStore(PostgresSignInState.open(database.url));
    try {
      const started = await a.startSignIn(pending);
      const taken = await Promise.all([a.takeSignIn(started), b.takeSignIn(started)]);
      expect(taken.filter(Boolean)).toHaveLength(1);
      const id = await b.open(user, 8, undefined);
      expect(await a.get(id)).toMatchObject(user);
      await a.close(id);
      expect(await b.get(id)).toBeUndefined();
    } finally {
      await a.shutDown();
      await b.shutDown();
    }
  });
});
