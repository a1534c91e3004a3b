import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RunGate } from '../../src/server/security/run-gate';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { transparencyRoutes } from '../../src/server/transparency/routes';
import type { TransparencyLog } from '../../src/server/transparency/transparency-log';
import type { VerificationRuns } from '../../src/server/transparency/verification-run';
import type { VerificationReport } from '../../src/shared/transparency';
import { auditor, procurer, tempDir } from './fixtures';
import { rawRequest } from './raw-request';

describe('API answers are never cached and powerful browser features are off', () => {
  let dir: ReturnType<typeof tempDir>;
  let server: RunningServer;
  beforeAll(async () => {
    dir = tempDir('vagval-no-store-');
    server = await startServer({ dataDir: dir.path, port: 0, log: () => {} });
  });
  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  it('sends Cache-Control: no-store on answers, refusals and errors of /api alike', async () => {
    for (const [path, headers, status] of [
      ['/api/health', {}, 200],
      ['/api/decisions', procurer, 200],
      ['/api/me', auditor, 200],
      ['/api/access-log', auditor, 403],
      ['/api/decisions', {}, 401],
      ['/api/no-such-path', {}, 404],
      ['/api/workshop/sessions/XXXXXX', {}, 404],
    ] as const) {
      const response = await rawRequest(`${server.url}${path}`, { headers });
      expect(response.status, path).toBe(status);
      expect(response.headers['cache-control'], path).toBe('no-store');
    }
  });

  it('sends a Permissions-Policy that turns off camera, microphone, location and payment and keeps fullscreen to the app', async () => {
    const policy = String((await rawRequest(`${server.url}/api/health`)).headers['permissions-policy']);
    const directives = Object.fromEntries(policy.split(',').map((d) => d.trim().split('=') as [string, string]));
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(directives[feature], feature).toBe('()');
    expect(directives.fullscreen).toBe('(self)');
  });
});

describe('verification runs are limited per user and in all', () => {
  // A run that lasts until the test ends it, so that the limits are met for certain, not by timing.
  const pending: Array<() => void> = [];
  const runs = {
    started: 0,
    start() {
      this.started++;
      let end!: () => void;
      const done = new Promise<VerificationReport>((resolve) => (end = () => resolve({ finishedAt: new Date().toISOString() } as VerificationReport)));
      pending.push(end);
      return { progress: { runId: String(this.started) }, report: null, done };
    },
    get: () => undefined,
  };
  const gate = new RunGate({ perUser: 1, total: 2 });
  const asUser: MiddlewareHandler = async (c, next) => {
    c.set('identity' as never, { user: c.req.header('x-user') } as never);
    await next();
  };
  const app = new Hono().route(
    '/',
    transparencyRoutes({
      log: {} as TransparencyLog,
      runs: runs as unknown as VerificationRuns,
      requiresVerify: asUser,
      badRequest: (c: Context, error: z.core.$ZodError) => c.json({ error: error.message }, 400),
      gate,
      userOf: (c) => (c.get('identity' as never) as { user: string }).user,
    }),
  );
  const start = (user: string) => app.request('/verify/runs', { method: 'POST', headers: { 'content-type': 'application/json', 'x-user': user }, body: JSON.stringify({ mode: 'full' }) });

  it('refuses a second run of the same user with 429 in Swedish while the first goes on, and lets another user start', async () => {
    expect((await start('revisor')).status).toBe(202);
    const again = await start('revisor');
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('30');
    expect(await again.json()).toMatchObject({ error: 'too-many-runs', limit: 'per-user', message: expect.stringMatching(/^Du har redan en kontroll av registret igång\. Vänta tills den är klar \(högst 1 åt gången per användare\)\.$/) });
    expect((await start('admin')).status).toBe(202);
    expect(runs.started).toBe(2);
  });

  it('refuses a run past the server-wide limit, and takes new runs again once one has ended', async () => {
    const full = await start('tredje');
    expect(full.status).toBe(429);
    expect(await full.json()).toMatchObject({ limit: 'total', message: 'Servern kör redan 2 kontroller av registret, så många som den tar åt gången. Försök igen om en stund.' });
    expect(runs.started).toBe(2);
    pending.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(gate.running).toBe(1);
    expect((await start('tredje')).status).toBe(202);
    expect((await start('revisor')).status).toBe(429);
  });

  it('gives the place back when a run fails as well as when it ends', () => {
    const own = new RunGate({ perUser: 1, total: 1 });
    const place = own.enter('a');
    if ('message' in place) throw new Error(place.message);
    expect('message' in own.enter('b')).toBe(true);
    place.release();
    place.release();
    expect(own.running).toBe(0);
    expect('release' in own.enter('b')).toBe(true);
  });
});
