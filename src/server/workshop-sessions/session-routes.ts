import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import QRCode from 'qrcode';
import type { z } from 'zod';
import {
  answerRequestSchema,
  codePattern,
  joinRequestSchema,
  openSessionRequestSchema,
  trainerRequestSchema,
  type SessionProblem,
} from '../../shared/workshop-session';
import { limitBody } from '../body-limit';
import { SessionError, WorkshopSessionStore, type SessionEvent } from './session-store';

/** An answer is four choices and one sentence: far below this. */
export const maxSessionBodyBytes = 4 * 1024;

export type SessionRoutesOptions = {
  store?: WorkshopSessionStore;
  /**
   * The origins (`http://192.168.1.20:5173`) a phone on the local network can reach this server at; empty
   * when it listens on this computer only. Computed per request, as the port is known once listening.
   */
  lanOrigins?: (requestUrl: URL) => string[];
  /** How often an open event stream gets a comment, so that proxies and phones keep it open. */
  heartbeatMs?: number;
};

const fieldNames: Record<string, string> = {
  verdicts: 'svaren per väg',
  'verdicts.direct-award': 'direktupphandling',
  'verdicts.social-considerations': 'upphandling enligt LOU med sociala hänsyn',
  'verdicts.reserved-contract': 'reserverad upphandling',
  'verdicts.iop': 'IOP',
  why: 'varför',
  participantToken: 'deltagarnyckeln',
  trainerToken: 'kursledarnyckeln',
  scenarioId: 'scenariot',
};

function refused(c: Context, status: 400 | 403 | 404 | 409 | 413 | 415 | 429 | 503, body: SessionProblem) {
  return c.json(body, status);
}

function invalid(c: Context, error: z.core.$ZodError) {
  const problems = error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: path ? `${path}.${key}` : key, message: 'är inget känt fält' }));
    return [{ field: path || '(svaret)', message: issue.message }];
  });
  const message = problems.map((p) => `${fieldNames[p.field] ?? p.field}: ${p.message}`).join('; ');
  return refused(c, 400, { error: 'invalid-request', message: `Svaret kunde inte tas emot – ${message}.`, problems });
}

async function readJson(c: Context): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return { ok: false, response: refused(c, 415, { error: 'not-json', message: 'Servern tar bara emot JSON (Content-Type: application/json).' }) };
  }
  try {
    return { ok: true, body: await c.req.json() };
  } catch {
    return { ok: false, response: refused(c, 400, { error: 'invalid-request', message: 'Svaret kunde inte läsas: det är inte giltig JSON.' }) };
  }
}

const isLoopback = (hostname: string) => hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]' || hostname === '::1';

/**
 * The workshop's live sessions under /api/workshop: the trainer opens one for a scenario, phones join by its
 * code and answer, everyone follows it over Server-Sent Events, and the trainer (who alone holds the trainer
 * token) reveals the distribution or closes the session. Plain JSON POSTs, same origin, no cookies.
 */
export function workshopSessionRoutes(options: SessionRoutesOptions = {}) {
  const store = options.store ?? new WorkshopSessionStore();
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const app = new Hono();
  // Idle sessions close on their own; the timer never keeps the process alive.
  const sweeper = setInterval(() => store.sweep(), 60_000);
  sweeper.unref?.();

  const joinUrls = (c: Context, code: string): string[] => {
    const url = new URL(c.req.url);
    const origins = new Set<string>();
    // Reached by a network address already (the trainer opened the app by it): that one works for phones too.
    if (!isLoopback(url.hostname)) origins.add(url.origin);
    for (const origin of options.lanOrigins?.(url) ?? []) origins.add(origin);
    return [...origins].map((origin) => `${origin}/#/join/${code}`);
  };

  app.use(
    '*',
    limitBody(maxSessionBodyBytes, (c) =>
      refused(c, 413, { error: 'too-large', message: `Svaret är för stort: högst ${maxSessionBodyBytes / 1024} KiB tas emot. Skriv varför i en mening.` }),
    ),
  );

  app.onError((error, c) => {
    if (error instanceof SessionError) return refused(c, error.status, { error: error.code, message: error.message });
    throw error;
  });

  app.use('/sessions/:code/*', async (c, next) => {
    const code = c.req.param('code')?.toUpperCase() ?? '';
    if (!codePattern.test(code)) {
      return refused(c, 404, { error: 'no-session', message: 'Koden ska vara sex tecken, bokstäver och siffror, som den står på skärmen.' });
    }
    await next();
  });

  app.post('/sessions', async (c) => {
    const read = await readJson(c);
    if (!read.ok) return read.response;
    const parsed = openSessionRequestSchema.safeParse(read.body);
    if (!parsed.success) return invalid(c, parsed.error);
    const opened = store.open(parsed.data);
    return c.json({ ...opened, joinUrls: joinUrls(c, opened.code) }, 201);
  });

  app.get('/sessions/:code/state', (c) => c.json(store.state(c.req.param('code'))));

  app.get('/sessions/:code/qr.svg', async (c) => {
    const code = c.req.param('code').toUpperCase();
    store.state(code);
    const url = joinUrls(c, code)[0];
    if (!url) {
      return refused(c, 409, {
        error: 'loopback-only',
        message: 'Servern lyssnar bara på den här datorn, så mobiler når den inte. Starta om den med npm run workshop.',
      });
    }
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 480 });
    c.header('Cache-Control', 'no-store');
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
  });

  app.post('/sessions/:code/join', async (c) => {
    const read = await readJson(c);
    if (!read.ok) return read.response;
    const parsed = joinRequestSchema.safeParse(read.body);
    if (!parsed.success) return invalid(c, parsed.error);
    return c.json(store.join(c.req.param('code')), 201);
  });

  app.post('/sessions/:code/answer', async (c) => {
    const read = await readJson(c);
    if (!read.ok) return read.response;
    const parsed = answerRequestSchema.safeParse(read.body);
    if (!parsed.success) return invalid(c, parsed.error);
    store.answer(c.req.param('code'), parsed.data);
    return c.json({ ok: true });
  });

  const asTrainer = (action: 'reveal' | 'reopen' | 'close') => async (c: Context) => {
    const read = await readJson(c);
    if (!read.ok) return read.response;
    const parsed = trainerRequestSchema.safeParse(read.body);
    if (!parsed.success) return invalid(c, parsed.error);
    const code = c.req.param('code')!;
    if (action === 'close') {
      store.close(code, parsed.data.trainerToken);
      return c.json({ ok: true });
    }
    return c.json(action === 'reveal' ? store.reveal(code, parsed.data.trainerToken) : store.reopen(code, parsed.data.trainerToken));
  };
  app.post('/sessions/:code/reveal', asTrainer('reveal'));
  app.post('/sessions/:code/reopen', asTrainer('reopen'));
  app.post('/sessions/:code/close', asTrainer('close'));

  app.get('/sessions/:code/events', (c) => {
    const code = c.req.param('code');
    store.state(code);
    c.header('Cache-Control', 'no-store');
    return streamSSE(c, async (stream) => {
      let finish: () => void = () => {};
      const finished = new Promise<void>((done) => (finish = done));
      let id = 0;
      const send = (event: SessionEvent) => {
        void stream.writeSSE({ event: event.type, data: event.type === 'state' ? JSON.stringify(event.state) : '{}', id: String(++id) }).then(() => {
          if (event.type === 'closed') finish();
        });
      };
      let unsubscribe: () => void = () => {};
      try {
        unsubscribe = store.subscribe(code, send);
      } catch {
        send({ type: 'closed' });
      }
      const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n'), heartbeatMs);
      stream.onAbort(() => finish());
      await finished;
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  app.all('*', (c) => refused(c, 404, { error: 'not-found', message: `Ingen sådan adress: ${c.req.method} ${c.req.path}` }));

  const dispose = () => {
    clearInterval(sweeper);
    store.closeAll();
  };
  return { app, store, dispose };
}
