import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { Ruleset } from '../engine/ruleset';
import {
  listQuerySchema,
  saveDecisionRequestSchema,
  statsQuerySchema,
  type ApiError,
  type Identity,
} from '../shared/decision-record';
import { identify, permissions, visibleOrganisations, type AccessConfig, type Permission } from './access';
import { limitBody } from './body-limit';
import { RegisterError, RegisterService } from './register-service';
import type { DecisionStore } from './store/decision-store';
import { transparencyRoutes } from './transparency/routes';
import type { TransparencyLog } from './transparency/transparency-log';
import { inclusionProblems, VerificationRuns } from './transparency/verification-run';
import { workshopSessionRoutes, type SessionRoutesOptions } from './workshop-sessions/session-routes';

export type AppOptions = {
  store: DecisionStore;
  ruleset: () => Ruleset;
  access: AccessConfig;
  /** The Merkle tree and signed checkpoints outside the database (src/server/transparency). */
  transparency: TransparencyLog;
  /** The built app (dist/); served with index.html for every path outside /api. */
  staticDir?: string | undefined;
  log?: (line: string) => void;
  /** The workshop's live sessions for phones (in memory only). */
  workshop?: SessionRoutesOptions;
};

type Env = { Variables: { identity: Identity } };

/** Requests larger than this are refused before they are read: a decision is a few kilobytes. */
export const maxBodyBytes = 64 * 1024;

const problem = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500, body: ApiError) => c.json(body, status);

function badRequest(c: Context, error: z.ZodError) {
  const problems = error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: 'is not a known field' }));
    return [{ field: base || '(request)', message: issue.message }];
  });
  return problem(c, 400, {
    error: 'invalid-request',
    message: problems.map((p) => `${p.field}: ${p.message}`).join('; '),
    problems,
  });
}

const idSchema = z.coerce.number({ error: 'must be a record number' }).int('must be a whole number').positive('must be a record number');

/** The register's HTTP API under /api (and the built app, if given). Does not listen. */
export function createApp(options: AppOptions) {
  const { store, access } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const service = new RegisterService(store, options.ruleset);
  const runs = new VerificationRuns(service, options.transparency);
  const app = new Hono<Env>();

  const refuse = async (c: Context, status: 401 | 403, reason: string, user: string | null, role: string | null) => {
    log(`access refused: ${c.req.method} ${c.req.path} user=${user ?? '-'} role=${role ?? '-'}: ${reason}`);
    await store.logAccess({ at: new Date().toISOString(), user, role, method: c.req.method, path: c.req.path, status, reason });
    return problem(c, status, { error: status === 401 ? 'unauthenticated' : 'forbidden', message: reason });
  };

  const requires = (permission: Permission) => async (c: Context<Env>, next: () => Promise<void>) => {
    const who = identify(access, {
      authorization: c.req.header('authorization'),
      user: c.req.header('x-vagval-user'),
      role: c.req.header('x-vagval-role'),
    });
    if (!who.ok) return refuse(c, who.status, who.reason, who.user, who.role);
    if (!(permissions[permission] as readonly string[]).includes(who.identity.role)) {
      return refuse(c, 403, `the role "${who.identity.role}" may not ${permission}`, who.identity.user, who.identity.role);
    }
    c.set('identity', who.identity);
    await next();
  };

  /** A procurer reading another organisation's record is refused and logged like any other. */
  const mayRead = (identity: Identity, organisation: string) => {
    const visible = visibleOrganisations(identity);
    return visible === undefined || visible.includes(organisation);
  };

  app.onError((error, c) => {
    if (error instanceof RegisterError) {
      return problem(c, error.status, {
        error: error.code,
        message: error.message,
        ...(error.field ? { problems: [{ field: error.field, message: error.message }] } : {}),
      });
    }
    log(`error: ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return problem(c, 500, { error: 'internal', message: 'the server could not answer; nothing was saved by this request' });
  });

  const api = new Hono<Env>();
  api.use(
    '*',
    limitBody(maxBodyBytes, (c) => problem(c, 413, { error: 'too-large', message: `the request body is larger than ${maxBodyBytes / 1024} KiB` })),
  );

  api.get('/health', (c) => c.json({ ok: true, store: store.kind }));

  api.get('/ruleset', (c) => {
    const r = options.ruleset();
    return c.json({ version: r.version, hash: r.hash });
  });

  api.get('/identities', (c) =>
    c.json({
      headerIdentity: access.headerIdentity,
      users: access.headerIdentity ? access.users.map((u) => ({ name: u.name, roles: u.roles, organisations: u.organisations })) : [],
    }),
  );

  api.get('/me', requires('read'), (c) => c.json(c.get('identity')));

  api.post('/decisions', requires('save'), async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return problem(c, 400, { error: 'invalid-request', message: 'the body is not JSON', problems: [{ field: '(request)', message: 'is not JSON' }] });
    }
    const parsed = saveDecisionRequestSchema.safeParse(body);
    if (!parsed.success) return badRequest(c, parsed.error);
    const identity = c.get('identity');
    if (!mayRead(identity, parsed.data.answers.organisation)) {
      return refuse(c, 403, `user "${identity.user}" may not save for ${parsed.data.answers.organisation}`, identity.user, identity.role);
    }
    const record = await service.save(parsed.data, identity);
    const receipt = await options.transparency.receipt(record.id);
    return c.json(receipt ? { ...record, receipt } : record, 201);
  });

  api.get('/decisions', requires('read'), async (c) => {
    const parsed = listQuerySchema.safeParse(c.req.query());
    if (!parsed.success) return badRequest(c, parsed.error);
    const { limit, before, ...filter } = parsed.data;
    const result = await store.list({ ...filter, organisations: visibleOrganisations(c.get('identity')) }, limit, before);
    return c.json(result);
  });

  const withRecord = async (c: Context<Env>) => {
    const id = idSchema.safeParse(c.req.param('id'));
    if (!id.success) return { response: badRequest(c, new z.ZodError(id.error.issues.map((i) => ({ ...i, path: ['id'] })))) };
    const record = await store.get(id.data);
    const identity = c.get('identity');
    if (!record) return { response: problem(c, 404, { error: 'not-found', message: `there is no record ${id.data}` }) };
    if (!mayRead(identity, record.answers.organisation)) {
      return { response: await refuse(c, 403, `user "${identity.user}" may not read records of ${record.answers.organisation}`, identity.user, identity.role) };
    }
    return { record };
  };

  api.get('/decisions/:id', requires('read'), async (c) => {
    const found = await withRecord(c);
    if ('response' in found) return found.response;
    const trail = await service.trail(found.record.id);
    const receipt = await options.transparency.receipt(found.record.id);
    return c.json(trail && receipt ? { ...trail, record: { ...trail.record, receipt } } : trail);
  });

  api.get('/decisions/:id/receipt', requires('read'), async (c) => {
    const found = await withRecord(c);
    if ('response' in found) return found.response;
    const receipt = await options.transparency.receipt(found.record.id);
    if (!receipt) return problem(c, 404, { error: 'not-in-log', message: `record ${found.record.id} is not in the register's transparency log` });
    return c.json(receipt);
  });

  api.get('/decisions/:id/verify', requires('verify'), async (c) => {
    const found = await withRecord(c);
    if ('response' in found) return found.response;
    const result = await service.verifyOne(found.record.id);
    const row = await store.row(found.record.id);
    if (!result || !row) return c.json(result);
    await options.transparency.catchUp();
    const problems = [...result.problems, ...inclusionProblems(options.transparency, row)];
    return c.json({ ...result, ok: problems.length === 0, problems });
  });

  api.get('/decisions/:id/replay', requires('read'), async (c) => {
    const found = await withRecord(c);
    if ('response' in found) return found.response;
    return c.json(await service.replay(found.record));
  });

  api.route('/', transparencyRoutes({ log: options.transparency, runs, requiresVerify: requires('verify') as MiddlewareHandler, badRequest }));

  api.get('/stats', requires('stats'), async (c) => {
    const parsed = statsQuerySchema.safeParse(c.req.query());
    if (!parsed.success) return badRequest(c, parsed.error);
    return c.json({ rows: await store.stats({ ...parsed.data, organisations: visibleOrganisations(c.get('identity')) }) });
  });

  api.get('/access-log', requires('accessLog'), async (c) => c.json({ entries: await store.accessLog(200) }));

  api.all('*', (c) => problem(c, 404, { error: 'not-found', message: `no such API path: ${c.req.method} ${c.req.path}` }));

  // Before /api: the workshop's sessions have their own body limit and Swedish refusals.
  const workshop = workshopSessionRoutes(options.workshop);
  app.route('/api/workshop', workshop.app);
  app.route('/api', api);

  const staticDir = options.staticDir;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    const index = readFileSync(join(staticDir, 'index.html'), 'utf8');
    app.use('*', serveStatic({ root: staticDir }));
    // The app routes by hash, so every other path gets the app itself.
    app.get('*', (c) => c.html(index));
  }
  return Object.assign(app, { closeWorkshopSessions: workshop.dispose });
}
