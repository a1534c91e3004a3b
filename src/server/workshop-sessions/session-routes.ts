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
import { rateLimiter } from 'hono-rate-limiter';
import { limitBody } from '../body-limit';
import { textGuard } from '../text-guard';
import { isLoopbackRequest, peerAddress } from '../security/identity-trust';
import { normaliseHost } from '../security/allowed-hosts';
import { endedMessage, SessionError, WorkshopSessionStore, type SessionEvent } from './session-store';

/** An answer is four choices and one sentence: far below this. */
export const maxSessionBodyBytes = 4 * 1024;

export type SessionRoutesOptions = {
  store?: WorkshopSessionStore;
  /**
   * The origins (`http://192.168.1.20:5173`) a phone on the local network can reach this server at; empty
   * when it listens on this computer only. Computed per request, as the port is known once listening.
   */
  lanOrigins?: (requestUrl: URL) => string[];
  /** This computer's own network addresses: a request from one of them is the trainer's, not a phone's. */
  ownAddresses?: readonly string[];
  /** How often an open event stream gets a comment, so that proxies and phones keep it open. */
  heartbeatMs?: number;
  /** Wrong codes and other refusals one phone may get per minute before it must wait (guessing codes). */
  refusalsPerMinute?: number;
  /** Live streams one phone may hold at once (a phone needs one; a few tabs are forgiven). */
  streamsPerClient?: number;
  /** Live streams the server holds at once, for every session together. */
  maxStreams?: number;
};

/**
 * The phone a request comes from, or undefined for the trainer's own computer: a request made in-process, one
 * to localhost from this computer, or one from one of this computer's own network addresses naming that address
 * as its Host (the trainer opened Vägval by the address the projector shows).
 */
function phoneOfRequest(c: Context, ownAddresses: readonly string[]): string | undefined {
  const peer = peerAddress(c);
  if (peer === undefined || isLoopbackRequest(c)) return undefined;
  const host = normaliseHost(c.req.header('host') ?? new URL(c.req.url).host);
  if (ownAddresses.includes(peer) && host === peer) return undefined;
  return peer;
}

/** How soon a browser tries a broken stream again: the room is back within seconds of the server. */
const reconnectMs = 2_000;

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

function refused(c: Context, status: 400 | 403 | 404 | 409 | 410 | 413 | 415 | 429 | 503, body: SessionProblem) {
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
  const refusalsPerMinute = options.refusalsPerMinute ?? 12;
  const streamsPerClient = options.streamsPerClient ?? 4;
  const maxStreams = options.maxStreams ?? 1000;
  const streams = { total: 0, byClient: new Map<string, number>() };
  const phoneOf = (c: Context) => phoneOfRequest(c, options.ownAddresses ?? []);
  const app = new Hono();
  let stopping = false;
  // Stopping: every session stays in the store, so no answer may say one is unknown; the phones try again later.
  app.use('*', async (c, next) => {
    if (!stopping) return next();
    c.header('Retry-After', '5');
    // And the browser's kept-alive connection goes with the answer, or its retries would hold the server open.
    c.header('Connection', 'close');
    return refused(c, 503, { error: 'stopping', message: 'Kursledarens server startar om. Försök igen om en stund – svaren finns kvar.' });
  });
  // Idle sessions close on their own; the timer never keeps the process alive.
  const startedAt = Date.now();
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
  app.use(
    '*',
    textGuard(
      (c, problems) =>
        refused(c, 400, { error: 'invalid-text', message: `Svaret kunde inte tas emot – ${problems.map((p) => `${fieldNames[p.field] ?? p.field}: ${p.message}`).join('; ')}`, problems }),
      'sv',
    ),
  );

  app.onError((error, c) => {
    if (error instanceof SessionError) return refused(c, error.status, { error: error.code, message: error.message });
    throw error;
  });

  // A phone guessing codes gets a few wrong ones a minute, then waits: only refusals count, and never the
  // trainer's own computer, which opens and follows the session.
  app.use(
    '/sessions/:code/*',
    rateLimiter({
      windowMs: 60_000,
      limit: refusalsPerMinute,
      skipSuccessfulRequests: true,
      skip: (c) => phoneOf(c) === undefined,
      keyGenerator: (c) => phoneOf(c) ?? 'trainer',
      handler: (c) =>
        refused(c, 429, { error: 'too-many-tries', message: 'För många försök från den här mobilen på kort tid. Vänta en minut och skriv sedan koden som den står på skärmen.' }),
    }),
  );

  app.use('/sessions/:code/*', async (c, next) => {
    const code = c.req.param('code')?.toUpperCase() ?? '';
    if (!codePattern.test(code)) {
      return refused(c, 404, { error: 'no-session', message: 'Koden ska vara åtta tecken, bokstäver och siffror, som den står på skärmen.' });
    }
    await next();
  });

  app.post('/sessions', async (c) => {
    // Only the trainer's own computer opens a session: a phone in the room could otherwise fill every slot.
    if (phoneOf(c) !== undefined) {
      return refused(c, 403, {
        error: 'trainer-only',
        message: 'Bara kursledarens dator kan öppna en session. Öppna Vägval på http://localhost på den dator som kör servern.',
      });
    }
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
    return c.json(store.join(c.req.param('code'), phoneOf(c)), 201);
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
    const phone = phoneOf(c);
    const held = phone === undefined ? 0 : (streams.byClient.get(phone) ?? 0);
    const refusal =
      streams.total >= maxStreams
        ? `Servern följer redan ${maxStreams} mobiler. Ladda om sidan om en stund.`
        : held >= streamsPerClient
          ? `Den här mobilen följer redan sessionen i ${held} flikar. Stäng de andra flikarna och ladda om sidan.`
          : null;
    if (refusal) {
      // A stream refused is told why and asked to wait: an EventSource reads no error body, only events.
      return streamSSE(c, async (stream) => {
        await stream.writeSSE({ event: 'refused', data: JSON.stringify({ message: refusal }), retry: 60_000 });
      });
    }
    streams.total++;
    if (phone !== undefined) streams.byClient.set(phone, held + 1);
    const release = () => {
      streams.total--;
      if (phone === undefined) return;
      const left = (streams.byClient.get(phone) ?? 1) - 1;
      if (left <= 0) streams.byClient.delete(phone);
      else streams.byClient.set(phone, left);
    };
    return streamSSE(c, async (stream) => {
      let finish: () => void = () => {};
      const finished = new Promise<void>((done) => (finish = done));
      let id = 0;
      const send = (event: SessionEvent) => {
        // Stopping: the stream just ends, and the phone's EventSource reconnects to the same session once the server is back.
        if (event.type === 'shutdown') return finish();
        const data = event.type === 'state' ? JSON.stringify(event.state) : JSON.stringify({ by: event.by, message: endedMessage(code.toUpperCase(), { by: event.by, at: Date.now() }) });
        void stream.writeSSE({ event: event.type, data, id: String(++id) }).then(() => {
          if (event.type === 'closed') finish();
        });
      };
      // First, when this server started: a phone that reconnects to another start knows the server restarted, and the
      // retry is short so that the room is back within seconds.
      await stream.writeSSE({ event: 'server', data: JSON.stringify({ startedAt }), retry: reconnectMs });
      let unsubscribe: () => void = () => {};
      try {
        unsubscribe = store.subscribe(code, send);
      } catch {
        const ended = store.ended(code);
        send({ type: 'closed', by: ended?.by ?? 'trainer' });
      }
      const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n'), heartbeatMs);
      stream.onAbort(() => finish());
      await finished;
      clearInterval(heartbeat);
      unsubscribe();
      release();
    });
  });

  app.all('*', (c) => refused(c, 404, { error: 'not-found', message: `Ingen sådan adress: ${c.req.method} ${c.req.path}` }));

  const dispose = () => {
    stopping = true;
    clearInterval(sweeper);
    store.shutdown();
  };
  return { app, store, dispose };
}
