import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { Ruleset } from '../engine/ruleset';
import { canonicalOrganisation } from '../engine/buyers';
import { withCanonicalOrganisation } from './canonical-query';
import { SessionStore } from './sign-in/sessions';
import type { SignInState } from './sign-in/sign-in-state';
import {
  listQuerySchema,
  saveDecisionRequestSchema,
  statsQuerySchema,
  type ApiError,
  type Identity,
  type DecisionRecord,
} from '../shared/decision-record';
import { identify, permissions, visibleOrganisations, type AccessConfig, type Permission } from './access';
import { limitBody } from './body-limit';
import { allowedHosts, hostGuard } from './security/allowed-hosts';
import { headersTrusted, headerTrust, untrustedHeadersReason, type HeaderTrust } from './security/identity-trust';
import { refusalRecorder } from './security/refusals';
import { jsonOnly, originGuard } from './security/request-guards';
import { securityHeaders } from './security/security-headers';
import { RunGate, type RunLimits } from './security/run-gate';
import { RegisterError, RegisterService } from './register-service';
import type { RecordEvent } from '../shared/record-events';
import { verificationReportSchema } from '../shared/transparency';
import { failingIn, LatestVerification } from './latest-verification';
import { replayedEvent, runEvent, verifiedEvent } from './reports/record-timeline';
import { statsExcelCsv } from '../shared/audit-csv';
import { csvNames } from './reports/csv-names';
import { createReportsApi } from './reports/reports-api';
import { compressResponses, sizedJson } from './compress-responses';
import { builtApp } from './static-app';
import type { DecisionStore } from './store/decision-store';
import { idempotencyKeyPattern, SaveOutcomeUnknown } from './store/idempotency';
import { transparencyRoutes } from './transparency/routes';
import { textGuard } from './text-guard';
import { textProblemMessage, textProblemsIn } from '../shared/text-check';
import { cosignatureRoutes } from './transparency/cosignature-routes';
import { Cosignatures, type WitnessSetting } from './transparency/cosignatures';
import type { TransparencyLog } from './transparency/transparency-log';
import { inclusionProblems, VerificationRuns } from './transparency/verification-run';
import { workshopSessionRoutes, type SessionRoutesOptions } from './workshop-sessions/session-routes';
import { OidcSignIn, sessionIdentity } from './sign-in/oidc-sign-in';

export type AppOptions = {
  store: DecisionStore;
  ruleset: () => Ruleset;
  access: AccessConfig;
  /** The Merkle tree and signed checkpoints outside the database (src/server/transparency). */
  transparency: TransparencyLog;
  /** The built app (dist/); served with index.html for every path outside /api. */
  staticDir?: string | undefined;
  log?: (line: string) => void;
  /** The working copy of rules/ for the rule-change impact analysis; read from disk if not given. */
  workingRuleset?: (() => Ruleset) | undefined;
  /** The workshop's live sessions for phones (in memory unless a store with persistence is given). */
  workshop?: SessionRoutesOptions;
  /** The host names the server answers to (see security/allowed-hosts.ts); default localhost, 127.0.0.1, [::1]. */
  allowedHosts?: ReadonlySet<string>;
  /** Refusals one client may cause per minute before it gets 429 and nothing more is logged. */
  refusalLimit?: number;
  /** When identity headers may be believed; by default as for a server on loopback (security/identity-trust.ts). */
  headerTrust?: HeaderTrust;
  /** The witnesses each new checkpoint is offered to (transparency/cosignatures.ts); none by default. */
  witnesses?: readonly WitnessSetting[];
  /** Verification runs at once, per user and in all (security/run-gate.ts); 1 and 3 by default. */
  runLimits?: RunLimits;
  /** How long sign-in waits for the OpenID provider before it says sign-in is not possible now (seconds, default 10). */
  signInTimeoutSeconds?: number;
  /** Where sessions and sign-ins under way are kept when the access file configures sign-in (in the process by default). */
  signInState?: () => SignInState;
};

type Env = { Variables: { identity: Identity } };

/** Requests larger than this are refused before they are read: a decision is a few kilobytes. */
export const maxBodyBytes = 64 * 1024;

const problem = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 500 | 503, body: ApiError) => c.json(body, status);

function badRequest(c: Context, error: z.core.$ZodError) {
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
  const cosignatures = new Cosignatures(options.transparency, store.cosignatures, options.witnesses ?? [], { log });
  const runs = new VerificationRuns(service, options.transparency, undefined, cosignatures);
  const app = new Hono<Env>();
  const stamp = (by: Identity) => ({ by, at: new Date(), ruleset: options.ruleset() });
  // A check or replay that could not be kept in the timeline is still answered: its result stands.
  const latestRun = new LatestVerification(store);
  const keepEvent = async (event: RecordEvent | null) => {
    if (!event) return;
    latestRun.take(event);
    try {
      await store.appendEvent(event);
    } catch (error) {
      log(`error: the ${event.detail.kind} event of ${event.recordId ? `record ${event.recordId}` : `records ${event.fromId}–${event.toId}`} could not be kept in the timeline: ${(error as Error).message}`);
    }
  };

  const recordRefusal = refusalRecorder({ logAccess: (entry) => store.logAccess(entry), log, ...(options.refusalLimit ? { limit: options.refusalLimit } : {}) });
  const refuse = (c: Context, status: 401 | 403, reason: string, user: string | null, role: string | null) =>
    recordRefusal(c, status, { error: status === 401 ? 'unauthenticated' : 'forbidden', message: reason }, { user, role });

  const hosts = options.allowedHosts ?? allowedHosts(undefined, undefined);
  app.use(
    '*',
    hostGuard(hosts, (c, host) => recordRefusal(c, 421, { error: 'misdirected', message: `this server does not answer to the host name "${host}" (VAGVAL_ALLOWED_HOSTS)` }, { user: null, role: null })),
  );
  const signIn = access.oidc
    ? new OidcSignIn(access.oidc, { log, sessions: new SessionStore(options.signInState?.()), ...(options.signInTimeoutSeconds ? { timeoutSeconds: options.signInTimeoutSeconds } : {}) })
    : undefined;
  app.use('*', securityHeaders(signIn ? [signIn.providerOrigin] : []));
  app.use('*', compressResponses());
  app.use('*', sizedJson());
  // API answers name people and their decisions: no browser or proxy cache may keep one for the next user of the machine.
  app.use('/api/*', async (c, next) => {
    await next();
    c.res.headers.set('cache-control', 'no-store');
  });

  const trust = options.headerTrust ?? headerTrust(access.headerIdentity, '127.0.0.1', access.trustedProxies);
  const untrustedReason = untrustedHeadersReason(trust);
  const headerMode = (c: Context) => access.headerIdentity && headersTrusted(trust, c);
  /** An API token first (machines and scripts), then a sign-in session, then identity headers where they may be believed. */
  const whoIs = async (c: Context) => {
    const authorization = c.req.header('authorization');
    const role = c.req.header('x-vagval-role');
    if (signIn && !authorization) {
      const session = await signIn.sessionOf(c);
      if (session) {
        const chosen = sessionIdentity(session, role);
        return chosen.ok ? { ok: true as const, identity: chosen.identity } : { ok: false as const, status: 403 as const, reason: chosen.reason, user: session.user, role: role ?? null };
      }
      const reason = signIn.hasSessionCookie(c) ? 'the sign-in has ended or is not known here: sign in again at /auth/sign-in' : 'not signed in: sign in at /auth/sign-in, or use an API token';
      return { ok: false as const, status: 401 as const, reason, user: null, role: role ?? null };
    }
    return identify(access, { authorization, user: c.req.header('x-vagval-user'), role }, { headersTrusted: headerMode(c), untrustedReason });
  };
  const requires = (permission: Permission) => async (c: Context<Env>, next: () => Promise<void>) => {
    const who = await whoIs(c);
    if (!who.ok) return refuse(c, who.status, who.reason, who.user, who.role);
    if (!(permissions[permission] as readonly string[]).includes(who.identity.role)) {
      return refuse(c, 403, `the role "${who.identity.role}" may not ${permission}`, who.identity.user, who.identity.role);
    }
    // The organisations a user may act for, as the register files them (an access file may name kommun-0583 for motala).
    c.set('identity', { ...who.identity, organisations: who.identity.organisations.map((o) => (o === '*' ? o : (canonicalOrganisation(options.ruleset(), o) as typeof o))) });
    await next();
  };

  /** Whether the caller may see records of this organisation (a procurer: only its own). */
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
    if (error instanceof SaveOutcomeUnknown) {
      log(`error: ${c.req.method} ${c.req.path}: ${error.message}`);
      return problem(c, 503, {
        error: 'outcome-unknown',
        message: 'the save may or may not have been stored: send the same request again with the same Idempotency-Key, which returns the stored record or stores it once',
      });
    }
    log(`error: ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return problem(c, 500, { error: 'internal', message: 'the server could not answer; nothing was saved by this request' });
  });

  const api = new Hono<Env>();
  api.use(
    '*',
    originGuard(hosts, (c, origin) => recordRefusal(c, 403, { error: 'forbidden-origin', message: `a page from ${origin} may not change the register` }, { user: null, role: null })),
  );
  api.use(
    '*',
    jsonOnly((c, type) =>
      problem(c, 415, { error: 'unsupported-media-type', message: `the body must be application/json, not ${type ?? 'untyped'}`, problems: [{ field: 'Content-Type', message: 'must be application/json' }] }),
    ),
  );
  api.use(
    '*',
    limitBody(maxBodyBytes, (c) => problem(c, 413, { error: 'too-large', message: `the request body is larger than ${maxBodyBytes / 1024} KiB` })),
  );
  api.use(
    '*',
    textGuard((c, problems) => problem(c, 400, { error: 'invalid-text', message: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems })),
  );

  // Liveness, and whether a save could be written now: a full disk or a read-only file is reported
  // here (503) before a procurer finds out by losing a save. The identity mode lets the page say
  // when identity is taken on trust.
  api.get('/health', async (c) => {
    const writable = await store.writeHealth();
    const body = { ok: writable.ok, store: store.kind, writable: writable.ok, ...(writable.ok ? {} : { problem: writable.problem }), identityMode: headerMode(c) ? 'header' : signIn ? 'sign-in' : 'token' };
    return c.json(body, writable.ok ? 200 : 503);
  });

  api.get('/ruleset', (c) => {
    const r = options.ruleset();
    return c.json({ version: r.version, hash: r.hash });
  });

  // Asked per request: the trainer's own screen and a phone in the room get different answers when the server listens on the network.
  api.get('/identities', async (c) => {
    const header = headerMode(c);
    // Only the caller's own session is named, so no identity is needed to ask.
    const session = await signIn?.sessionOf(c);
    const signedIn = session ? { user: session.user, roles: session.roles, organisations: session.organisations, via: session.via, expiresAt: new Date(session.expiresAt).toISOString() } : null;
    return c.json({
      headerIdentity: header,
      users: header ? access.users.map((u) => ({ name: u.name, roles: u.roles, organisations: u.organisations })) : [],
      ...(signIn ? { signIn: { signedIn } } : {}),
    });
  });

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
    // A seed organisation named by its SCB code (kommun-0583) is filed, permitted and counted under its own id (motala).
    const organisation = canonicalOrganisation(options.ruleset(), parsed.data.answers.organisation);
    if (organisation !== parsed.data.answers.organisation) parsed.data.answers = { ...parsed.data.answers, organisation: organisation as typeof parsed.data.answers.organisation };
    const lookup = parsed.data.similarPurchases?.lookup;
    if (lookup) lookup.organisation = canonicalOrganisation(options.ruleset(), lookup.organisation) as typeof lookup.organisation;
    // What is filed is printed: a character the decision document's font cannot draw is refused, not dropped later.
    const unprintable = textProblemsIn(parsed.data, { printable: true });
    if (unprintable.length > 0) {
      const problems = unprintable.map((p) => ({ field: p.field, message: textProblemMessage(p.problem, 'en') }));
      return problem(c, 400, { error: 'invalid-text', message: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems });
    }
    const identity = c.get('identity');
    if (!mayRead(identity, parsed.data.answers.organisation)) {
      return refuse(c, 403, `user "${identity.user}" may not save for ${parsed.data.answers.organisation}`, identity.user, identity.role);
    }
    // Each saved decision answers with its receipt (pending until a checkpoint covers it).
    const withReceipt = async (record: DecisionRecord) => {
      const receipt = await options.transparency.receipt(record.id);
      return receipt ? { ...record, receipt } : record;
    };
    const key = c.req.header('idempotency-key');
    if (key === undefined) return c.json(await withReceipt(await service.save(parsed.data, identity)), 201);
    if (!idempotencyKeyPattern.test(key)) {
      return problem(c, 400, { error: 'invalid-request', message: 'Idempotency-Key: must be a UUID made by the client for this save', problems: [{ field: 'Idempotency-Key', message: 'must be a UUID' }] });
    }
    const { record, replayed } = await service.saveOnce(parsed.data, identity, key);
    return c.json(await withReceipt(record), replayed ? 200 : 201);
  });

  api.get('/decisions', requires('read'), async (c) => {
    const parsed = listQuerySchema.safeParse(withCanonicalOrganisation(c.req.query(), options.ruleset()));
    if (!parsed.success) return badRequest(c, parsed.error);
    const { limit, before, ...filter } = parsed.data;
    const result = await store.list({ ...filter, organisations: visibleOrganisations(c.get('identity')) }, limit, before);
    // A forged record must not look like any other in the list: the page says which of its rows failed.
    const failing = await latestRun.failing();
    const failedIds = failing ? result.items.filter((r) => failing.ids.has(r.id)).map((r) => r.id) : [];
    return c.json(failing && failedIds.length > 0 ? { ...result, failedVerification: { runId: failing.mark.runId, at: failing.mark.at, ids: failedIds } } : result);
  });

  const withRecord = async (c: Context<Env>) => {
    const id = idSchema.safeParse(c.req.param('id'));
    if (!id.success) return { response: badRequest(c, new z.ZodError(id.error.issues.map((i) => ({ ...i, path: ['id'] })))) };
    const record = await store.get(id.data);
    const identity = c.get('identity');
    // A record the caller may not read is answered exactly like one that does not exist, so a
    // refusal cannot tell which organisation owns which record number; the access log still says.
    const notFound = () => problem(c, 404, { error: 'not-found', message: `there is no record ${id.data} that you may read` });
    if (!record) return { response: notFound() };
    if (!mayRead(identity, record.answers.organisation)) {
      await recordRefusal(c, 403, { error: 'forbidden', message: `user "${identity.user}" may not read records of ${record.answers.organisation}` }, identity);
      return { response: notFound() };
    }
    return { record };
  };

  api.get('/decisions/:id', requires('read'), async (c) => {
    const found = await withRecord(c);
    if ('response' in found) return found.response;
    const trail = await service.trail(found.record.id);
    const receipt = await options.transparency.receipt(found.record.id);
    const failedVerification = await latestRun.markOf(found.record.id);
    return c.json(trail && receipt ? { ...trail, record: { ...trail.record, receipt }, failedVerification } : trail && { ...trail, failedVerification });
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
    const checked = { ...result, ok: problems.length === 0, problems };
    await keepEvent(verifiedEvent(stamp(c.get('identity')), checked));
    return c.json(checked);
  });

  api.get('/decisions/:id/replay', requires('read'), async (c) => {
    const found = await withRecord(c);
    if ('response' in found) return found.response;
    const replay = await service.replay(found.record);
    await keepEvent(replayedEvent(stamp(c.get('identity')), replay));
    return c.json(replay);
  });

  // A verification run goes into the timeline of every record it checked once it has finished (the
  // run itself is src/server/transparency/verification-run.ts): GET /verify answers with the report,
  // POST /verify/runs with the run's id.
  api.use('/verify', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || c.res.status !== 200) return;
    const report = verificationReportSchema.parse(await c.res.clone().json());
    await keepEvent(runEvent({ ...stamp(c.get('identity')), at: new Date(report.finishedAt) }, report));
  });
  api.use('/verify/runs', async (c, next) => {
    await next();
    if (c.req.method !== 'POST' || c.res.status !== 202) return;
    const by = c.get('identity');
    const { progress } = (await c.res.clone().json()) as { progress: { runId: string } };
    runs.get(progress.runId)?.done.then(
      (report) => keepEvent(runEvent({ ...stamp(by), at: new Date(report.finishedAt) }, report)),
      () => {},
    );
  });

  api.route('/', cosignatureRoutes(cosignatures));
  const gate = new RunGate(options.runLimits);
  api.route(
    '/',
    transparencyRoutes({ log: options.transparency, runs, requiresVerify: requires('verify') as MiddlewareHandler, badRequest, gate, userOf: (c) => (c as Context<Env>).get('identity').user }),
  );

  api.get('/stats', requires('stats'), async (c) => {
    const parsed = statsQuerySchema.safeParse(withCanonicalOrganisation(c.req.query(), options.ruleset()));
    if (!parsed.success) return badRequest(c, parsed.error);
    const organisations = visibleOrganisations(c.get('identity'));
    return c.json({ rows: await store.stats({ ...parsed.data, organisations }), failedVerification: await failingIn(latestRun, store, organisations) });
  });

  // The same table for Swedish Excel: semicolons, BOM, Swedish headers and names, totals rows.
  api.get('/stats.csv', requires('stats'), async (c) => {
    const parsed = statsQuerySchema.safeParse(withCanonicalOrganisation(c.req.query(), options.ruleset()));
    if (!parsed.success) return badRequest(c, parsed.error);
    const organisations = visibleOrganisations(c.get('identity'));
    const rows = await store.stats({ ...parsed.data, organisations });
    return c.body(statsExcelCsv(rows, csvNames(options.ruleset()), await failingIn(latestRun, store, organisations)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="vagval-statistik-${parsed.data.period}.csv"`,
    });
  });

  api.get('/access-log', requires('accessLog'), async (c) => c.json({ entries: await store.accessLog(200) }));

  api.route('/reports', createReportsApi({ service, requires, badRequest, workingRuleset: options.workingRuleset, keepEvent, latestRun }));

  api.all('*', (c) => problem(c, 404, { error: 'not-found', message: `no such API path: ${c.req.method} ${c.req.path}` }));

  // Before /api: the workshop's sessions have their own body limit and Swedish refusals.
  const workshop = workshopSessionRoutes(options.workshop);
  // No other site's page may open, answer in or close a session either (the phones' own LAN origin is allowed).
  app.use(
    '/api/workshop/*',
    originGuard(hosts, (c, origin) => recordRefusal(c, 403, { error: 'forbidden-origin', message: `a page from ${origin} may not act in a workshop session` }, { user: null, role: null })),
  );
  app.route('/api/workshop', workshop.app);
  if (signIn) app.route('/auth', signIn.routes());
  app.route('/api', api);

  const files = options.staticDir ? builtApp(options.staticDir) : null;
  if (files) app.route('/', files);
  return Object.assign(app, { closeWorkshopSessions: workshop.dispose, closeVerifyWorker: () => runs.close(), closeSignIn: () => signIn?.sessions.shutDown() ?? Promise.resolve(), cosignatures });
}
