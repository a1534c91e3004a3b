import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { startVerifyRequestSchema, verifyModes, type TransparencyInfo, type VerificationReport } from '../../shared/transparency';
import { checkpointInfo, type TransparencyLog } from './transparency-log';
import type { Identity } from '../../shared/decision-record';
import { verificationReportText } from './report-text';
import type { VerificationRuns } from './verification-run';
import type { RunGate } from '../security/run-gate';

type Deps = {
  log: TransparencyLog;
  runs: VerificationRuns;
  /** The API's own permission check (create-app.ts). */
  requiresVerify: MiddlewareHandler;
  badRequest: (c: Context, error: z.core.$ZodError) => Response;
  /** How many runs may go at once, per user and in all (security/run-gate.ts). */
  gate: RunGate;
  /** Whom a run is counted against: the identity the permission check found. */
  userOf: (c: Context) => string;
};

const sizeSchema = z.coerce.number({ error: 'must be a tree size' }).int('must be a whole number').nonnegative('must be 0 or more');

/**
 * The transparency log's API: the public key and checkpoints (anyone: they are meant to be
 * copied), consistency proofs, and verification runs with their reports (auditor, admin).
 */
export function transparencyRoutes({ log, runs, requiresVerify, badRequest, gate, userOf }: Deps): Hono {
  const api = new Hono();
  /** Starts a run if the gate lets it in; the place is given back when the run ends, however it ends. */
  const startRun = (c: Context, mode: 'full' | 'incremental', against?: string) => {
    const place = gate.enter(userOf(c));
    if ('message' in place) {
      c.header('retry-after', '30');
      return { refused: c.json({ error: 'too-many-runs', limit: place.limit, message: place.message }, 429) };
    }
    const run = runs.start(mode, against);
    run.done.then(place.release, place.release);
    return { run };
  };
  api.get('/transparency', (c) => {
    const latest = log.latest();
    const info: TransparencyInfo = {
      origin: log.options.origin,
      keyName: log.key.name,
      verifierKey: log.key.vkey,
      publicKeyPem: log.key.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      retiredKeys: log.retired.map((k) => k.vkey),
      treeSize: log.tree.size,
      checkpointEvery: log.options.checkpointEvery,
      latest: latest ? checkpointInfo(latest) : null,
    };
    return c.json(info);
  });

  api.get('/transparency/public-key', (c) => c.text(`${log.key.vkey}\n${log.key.publicKey.export({ format: 'pem', type: 'spki' }).toString()}`));

  /** The latest checkpoint as its signed text, to paste into an audit report. */
  api.get('/transparency/checkpoint', (c) => {
    const latest = log.latest();
    if (!latest) return c.json({ error: 'not-found', message: 'the register has no checkpoint yet: nothing has been saved' }, 404);
    return c.text(latest.note);
  });

  api.get('/transparency/checkpoints', (c) => c.json({ checkpoints: [...log.checkpoints].sort((a, b) => a.size - b.size).map(checkpointInfo) }));

  /** RFC 9162 §2.1.4 consistency proof between two sizes, for auditors who check it themselves. */
  api.get('/transparency/consistency', async (c) => {
    const parsed = z.strictObject({ first: sizeSchema, second: sizeSchema }).safeParse(c.req.query());
    if (!parsed.success) return badRequest(c, parsed.error);
    const { first, second } = parsed.data;
    // Another instance on the same database may have signed a larger tree than this one has read.
    if (second > log.tree.size) await log.catchUp();
    if (first > second || second > log.tree.size) {
      const error = new z.ZodError([{ code: 'custom', path: ['second'], message: `must be at least first and at most the log's size, ${log.tree.size}`, input: second }]);
      return badRequest(c, error);
    }
    return c.json({ first, second, proof: log.tree.consistencyProof(first, second).map((h) => h.toString('base64')) });
  });

  api.post('/verify/runs', requiresVerify, async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'invalid-request', message: 'the body is not JSON', problems: [{ field: '(request)', message: 'is not JSON' }] }, 400);
    }
    const parsed = startVerifyRequestSchema.safeParse(body);
    if (!parsed.success) return badRequest(c, parsed.error);
    const started = startRun(c, parsed.data.mode, parsed.data.against);
    if ('refused' in started) return started.refused;
    return c.json({ progress: started.run.progress, report: null }, 202);
  });

  const withRun = (c: Context) => runs.get(c.req.param('runId') ?? '');

  api.get('/verify/runs/:runId', requiresVerify, (c) => {
    const run = withRun(c);
    if (!run) return c.json({ error: 'not-found', message: 'there is no such verification run (the server keeps the latest 20)' }, 404);
    return c.json({ progress: run.progress, report: run.report });
  });

  const report = (c: Context): VerificationReport | Response => {
    const run = withRun(c);
    if (!run) return c.json({ error: 'not-found', message: 'there is no such verification run (the server keeps the latest 20)' }, 404);
    if (!run.report) return c.json({ error: 'not-ready', message: `the run has checked ${run.progress.checked} of ${run.progress.total} records; its report is ready when it is done` }, 409);
    return run.report;
  };
  const fileName = (r: VerificationReport) => `kontrollrapport-${r.finishedAt.slice(0, 10)}-${r.treeSize}`;

  api.get('/verify/runs/:runId/report.json', requiresVerify, (c) => {
    const r = report(c);
    if (r instanceof Response) return r;
    c.header('content-disposition', `attachment; filename="${fileName(r)}.json"`);
    return c.body(`${JSON.stringify(r, null, 2)}\n`, 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  api.get('/verify/runs/:runId/report.txt', requiresVerify, (c) => {
    const r = report(c);
    if (r instanceof Response) return r;
    // Swedish by default, English as a report of its own (?lang=en): a filed report keeps to one language.
    const lang = c.req.query('lang') === 'en' ? 'en' : 'sv';
    const by = (c as unknown as Context<{ Variables: { identity: Identity | undefined } }>).get('identity');
    c.header('content-disposition', `attachment; filename="${fileName(r)}${lang === 'en' ? '-en' : ''}.txt"`);
    return c.text(verificationReportText(r, log.key.vkey, lang, by ? { by, at: new Date() } : undefined));
  });

  /** The whole run in one answer, for scripts; the work still goes in slices, so others are served meanwhile. */
  api.get('/verify', requiresVerify, async (c) => {
    const mode = z.enum(verifyModes).default('full').safeParse(c.req.query('mode'));
    if (!mode.success) return badRequest(c, new z.ZodError(mode.error.issues.map((i) => ({ ...i, path: ['mode'] }))));
    const started = startRun(c, mode.data);
    if ('refused' in started) return started.refused;
    return c.json(await started.run.done);
  });
  return api;
}
