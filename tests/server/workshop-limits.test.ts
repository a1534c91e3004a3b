import { request, type ClientRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { maxAnswersPerSeat, maxSeatsPerClient, type OpenedSession } from '../../src/shared/workshop-session';
import { tempDir } from './fixtures';
import { rawRequest } from './raw-request';
import { jsonPost, verdictsOf } from './workshop-load';

// A phone in the room, as the server sees it: a request naming the laptop's network address as its Host. Sent
// over loopback (attacks stay on this computer), so the socket is 127.0.0.1 while the Host is not.
const lanHost = '192.0.2.77';

let dir: ReturnType<typeof tempDir>;
let server: RunningServer;
let port: string;
let open: ClientRequest[] = [];
beforeEach(async () => {
  dir = tempDir('vagval-workshop-limits-');
  server = await startServer({ dataDir: dir.path, port: 0, log: () => {}, allowedHosts: lanHost, workshop: { maxStreams: 6 } });
  port = new URL(server.url).port;
});
afterEach(async () => {
  for (const r of open) r.destroy();
  open = [];
  await server.close();
  dir.remove();
});

const phone = (path: string, body?: unknown) =>
  rawRequest(`http://127.0.0.1:${port}/api/workshop/sessions${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { host: `${lanHost}:${port}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const message = (r: { text: string }) => (JSON.parse(r.text) as { message: string }).message;

async function openSession(): Promise<OpenedSession> {
  const response = await jsonPost(`${server.url}/api/workshop/sessions`, { scenarioId: 'fruktkorgar-reserverad', title: { sv: 'Fruktkorgar', en: 'Fruit baskets' } });
  expect(response.status).toBe(201);
  return (await response.json()) as OpenedSession;
}

// Every stream first says when the server started (so a phone can tell a restart); what the room says follows it.
const roomEvent = (text: string) => /event: (state|refused|closed)\n[^]*?\n\n/.test(text);

/** A phone's live stream: resolves once the room's first event arrived, and stays open until the test ends. */
function phoneStream(code: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`http://127.0.0.1:${port}/api/workshop/sessions/${code}/events`, { headers: { host: `${lanHost}:${port}`, accept: 'text/event-stream' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (roomEvent(text)) resolve(text);
      });
    });
    req.on('error', reject);
    req.end();
    open.push(req);
  });
}

async function readRoomEvent(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  while (!roomEvent(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe('a session belongs to the trainer who opened it', () => {
  it('is opened only from the trainer’s own computer: a phone is refused in Swedish and nothing opens', async () => {
    const refused = await phone('', { scenarioId: 'fruktkorgar-reserverad', title: { sv: 'Fruktkorgar', en: 'Fruit baskets' } });
    expect(refused.status).toBe(403);
    expect(message(refused)).toContain('Bara kursledarens dator kan öppna en session');
    expect(refused.text).not.toContain('trainerToken');
  });

  it('is revealed and ended only with the trainer token, which a phone never sees', async () => {
    const { code, trainerToken } = await openSession();
    const joined = await phone(`/${code}/join`, {});
    expect(joined.text).not.toContain(trainerToken);
    const { participantToken } = JSON.parse(joined.text) as { participantToken: string };
    for (const action of ['reveal', 'close']) {
      const r = await phone(`/${code}/${action}`, { trainerToken: participantToken });
      expect(r.status).toBe(403);
      expect(message(r)).toContain('Bara kursledaren');
    }
    expect(JSON.parse((await phone(`/${code}/state`)).text)).toMatchObject({ phase: 'open', participants: 1 });
  });
});

describe('a phone cannot take over the room', () => {
  it(`takes at most ${maxSeatsPerClient} seats per phone, with a Swedish message on the next`, async () => {
    const { code } = await openSession();
    for (let i = 0; i < maxSeatsPerClient; i++) expect((await phone(`/${code}/join`, {})).status).toBe(201);
    const extra = await phone(`/${code}/join`, {});
    expect(extra.status).toBe(429);
    expect(message(extra)).toContain('En plats per person räcker');
    expect(JSON.parse((await phone(`/${code}/state`)).text).participants).toBe(maxSeatsPerClient);
  });

  it(`counts at most ${maxAnswersPerSeat} answers from one seat; the last one accepted stands`, async () => {
    const { code } = await openSession();
    const { participantToken } = JSON.parse((await phone(`/${code}/join`, {})).text) as { participantToken: string };
    for (let i = 0; i < maxAnswersPerSeat; i++) expect((await phone(`/${code}/answer`, { participantToken, verdicts: verdictsOf(i), why: `Svar ${i}` })).status).toBe(200);
    const extra = await phone(`/${code}/answer`, { participantToken, verdicts: verdictsOf(0), why: 'Ett till' });
    expect(extra.status).toBe(429);
    expect(message(extra)).toContain('Ditt senaste svar gäller');
    expect(JSON.parse((await phone(`/${code}/state`)).text)).toMatchObject({ participants: 1, answered: 1 });
  });

  it('gets a few wrong codes a minute, then waits, while the trainer’s own computer is never throttled', async () => {
    const { code } = await openSession();
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await phone(`/ABCDEFG${'23456789'[i % 8]}/join`, {})).status);
    expect(statuses.slice(0, 12).every((s) => s === 404)).toBe(true);
    const limited = await phone(`/ABCDEFGH/join`, {});
    expect(limited.status).toBe(429);
    expect(message(limited)).toContain('Vänta en minut');
    // Even the right code waits now: guessing has a price.
    expect((await phone(`/${code}/join`, {})).status).toBe(429);
    // The trainer's screen is on localhost and keeps working.
    expect((await fetch(`${server.url}/api/workshop/sessions/${code}/state`)).status).toBe(200);
  });

  it('holds a few live streams per phone and a bounded number in all, telling the phone why in Swedish', async () => {
    const { code } = await openSession();
    for (let i = 0; i < 4; i++) expect(await phoneStream(code)).toContain('event: state');
    const fifth = await phoneStream(code);
    expect(fifth).toContain('event: refused');
    expect(fifth).toContain('Stäng de andra flikarna');
    // Two from the trainer's computer reach the server-wide cap of six; the next is refused even there.
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${server.url}/api/workshop/sessions/${code}/events`);
      const reader = res.body!.getReader();
      expect(await readRoomEvent(reader)).toContain('event: state');
      open.push({ destroy: () => void reader.cancel() } as unknown as ClientRequest);
    }
    const full = await fetch(`${server.url}/api/workshop/sessions/${code}/events`);
    const text = await readRoomEvent(full.body!.getReader());
    expect(text).toContain('event: refused');
    expect(text).toContain('Servern följer redan 6 mobiler');
  });
});
