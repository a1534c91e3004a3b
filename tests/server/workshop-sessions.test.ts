import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routeIds } from '../../src/engine/answers-schema';
import { lanHosts, startServer, type RunningServer } from '../../src/server/start-server';
import { workshopSessionRoutes } from '../../src/server/workshop-sessions/session-routes';
import { WorkshopSessionStore } from '../../src/server/workshop-sessions/session-store';
import { maxParticipants, participantVerdicts, type OpenedSession, type PublicSessionState } from '../../src/shared/workshop-session';
import { tempDir } from './fixtures';
import { followEvents, jsonPost, runRoom, verdictsOf } from './workshop-load';

let dir: ReturnType<typeof tempDir>;
let server: RunningServer;
beforeEach(async () => {
  dir = tempDir('vagval-workshop-');
  server = await startServer({ dataDir: dir.path, port: 0, log: () => {} });
});
afterEach(async () => {
  await server.close();
  dir.remove();
});

const title = { sv: 'Fruktkorgar', en: 'Fruit baskets' };
async function open(): Promise<OpenedSession & { api: string }> {
  const response = await jsonPost(`${server.url}/api/workshop/sessions`, { scenarioId: 'fruktkorgar-reserverad', title });
  expect(response.status).toBe(201);
  const opened = (await response.json()) as OpenedSession;
  return { ...opened, api: `${server.url}/api/workshop/sessions/${opened.code}` };
}
async function join(api: string): Promise<string> {
  const response = await jsonPost(`${api}/join`, {});
  expect(response.status).toBe(201);
  return ((await response.json()) as { participantToken: string }).participantToken;
}
const answer = (api: string, participantToken: string, i = 0, why = 'Värdet räknas över hela avtalstiden.') =>
  jsonPost(`${api}/answer`, { participantToken, verdicts: verdictsOf(i), why });
const state = async (api: string) => (await (await fetch(`${api}/state`)).json()) as PublicSessionState;

describe('a workshop session over HTTP', () => {
  it('opens with an eight-character code and a trainer token, and no phone address when the server listens on loopback only', async () => {
    const opened = await open();
    expect(opened.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(opened.trainerToken.length).toBeGreaterThanOrEqual(20);
    expect(opened.joinUrls).toEqual([]);
    const qr = await fetch(`${opened.api}/qr.svg`);
    expect(qr.status).toBe(409);
    expect(((await qr.json()) as { message: string }).message).toContain('npm run workshop');
  });

  it('keeps every answer hidden from participants until the trainer reveals, then shows the distribution and the reasons', async () => {
    const { api, trainerToken } = await open();
    const a = await join(api);
    const b = await join(api);
    expect((await answer(api, a, 0)).status).toBe(200);
    expect((await answer(api, b, 1, 'Kooperativet uppfyller 30 %-kravet.')).status).toBe(200);
    const before = await state(api);
    expect(before).toMatchObject({ phase: 'open', participants: 2, answered: 2, distribution: null, whys: null });
    expect(JSON.stringify(before)).not.toContain('Kooperativet');

    const revealed = (await (await jsonPost(`${api}/reveal`, { trainerToken })).json()) as PublicSessionState;
    expect(revealed.phase).toBe('revealed');
    for (const [r, route] of routeIds.entries()) {
      const expected = Object.fromEntries(participantVerdicts.map((v) => [v, [0, 1].filter((i) => participantVerdicts[(i + r) % 3] === v).length]));
      expect(revealed.distribution![route]).toEqual(expected);
    }
    expect(revealed.whys).toEqual(expect.arrayContaining(['Kooperativet uppfyller 30 %-kravet.', 'Värdet räknas över hela avtalstiden.']));
    // After the reveal an answer can no longer change.
    const late = await answer(api, a, 2);
    expect(late.status).toBe(409);
    expect(((await late.json()) as { message: string }).message).toContain('Facit är redan visat');
  });

  it('counts a participant once however often it changes its answer', async () => {
    const { api } = await open();
    const a = await join(api);
    for (let i = 0; i < 3; i++) expect((await answer(api, a, i)).status).toBe(200);
    expect(await state(api)).toMatchObject({ participants: 1, answered: 1 });
  });

  it('lets only the trainer reveal or close: a participant token or a guess is refused', async () => {
    const { api } = await open();
    const participantToken = await join(api);
    for (const action of ['reveal', 'reopen', 'close']) {
      const response = await jsonPost(`${api}/${action}`, { trainerToken: participantToken });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { message: string }).message).toContain('Bara kursledaren');
    }
    expect((await state(api)).phase).toBe('open');
  });

  it('refuses malformed, incomplete and oversized answers with a Swedish message naming the field', async () => {
    const { api } = await open();
    const token = await join(api);
    const cases: Array<[unknown, number, string]> = [
      [{ participantToken: token, verdicts: { ...verdictsOf(0), iop: 'kanske' }, why: 'x' }, 400, 'IOP: välj tillåten, inte tillåten eller behöver mer information'],
      [{ participantToken: token, verdicts: { 'direct-award': 'allowed' }, why: 'x' }, 400, 'reserverad upphandling'],
      [{ participantToken: token, verdicts: verdictsOf(0), why: '   ' }, 400, 'varför: skriv varför i en mening'],
      [{ participantToken: token, verdicts: verdictsOf(0), why: 'x'.repeat(281) }, 400, 'högst 280 tecken'],
      [{ participantToken: token, verdicts: verdictsOf(0), why: 'x', name: 'Anna' }, 400, 'name: är inget känt fält'],
      [{ participantToken: 'a'.repeat(30), verdicts: verdictsOf(0), why: 'x' }, 403, 'inte med i den här sessionen'],
      [{ participantToken: token, verdicts: verdictsOf(0), why: 'x'.repeat(5000) }, 413, 'för stort'],
    ];
    for (const [body, status, message] of cases) {
      const response = await jsonPost(`${api}/answer`, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(((await response.json()) as { message: string }).message).toContain(message);
    }
    const notJson = await fetch(`${api}/answer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"participantToken":' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { message: string }).message).toContain('inte giltig JSON');
    const form = await fetch(`${api}/answer`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'why=x' });
    expect(form.status).toBe(415);
    expect((await state(api)).answered).toBe(0);
  });

  it('answers an unknown or malformed code with a Swedish message', async () => {
    const unknown = await jsonPost(`${server.url}/api/workshop/sessions/ABCDEFGH/join`, {});
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toContain('Det finns ingen öppen session med koden ABCDEFGH');
    const malformed = await jsonPost(`${server.url}/api/workshop/sessions/abc/join`, {});
    expect(malformed.status).toBe(404);
    expect(((await malformed.json()) as { message: string }).message).toContain("åtta tecken");
  });

  it('takes at most 200 participants', async () => {
    const { api } = await open();
    await Promise.all(Array.from({ length: maxParticipants }, () => join(api)));
    const extra = await jsonPost(`${api}/join`, {});
    expect(extra.status).toBe(409);
    expect(((await extra.json()) as { message: string }).message).toContain('Sessionen är full');
  });

  it('streams the counts live, and ends every stream when the trainer closes the session, which then leaves nothing', async () => {
    const { api, trainerToken } = await open();
    const events = followEvents(`${api}/events`);
    await events.ready;
    const token = await join(api);
    await answer(api, token);
    await expect.poll(() => events.states.at(-1)?.answered).toBe(1);
    expect(events.states.every((s) => s.distribution === null && s.whys === null)).toBe(true);
    expect((await jsonPost(`${api}/close`, { trainerToken })).status).toBe(200);
    await events.closed;
    // Nothing of the session is left but the fact that the trainer ended it, which a phone coming back is told.
    const gone = await fetch(`${api}/state`);
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { message: string }).message).toMatch(/^Kursledaren avslutade sessionen [A-Z2-9]{8} \(/);
    expect((await answer(api, token)).status).toBe(410);
  });

  it('takes a room of 200 phones answering at once: no error, every answer counted, every stream sees the reveal', async () => {
    const result = await runRoom(server.url, maxParticipants);
    expect(result.errors).toEqual([]);
    expect(result.final.answered).toBe(maxParticipants);
    for (const route of routeIds) {
      const counts = result.final.distribution![route];
      expect(counts.allowed + counts['not-allowed'] + counts['needs-info']).toBe(maxParticipants);
    }
    expect(result.final.whys).toHaveLength(maxParticipants);
    expect(result.streamsRevealed).toBe(maxParticipants);
  }, 60_000);
});

describe('the session store', () => {
  it('closes a session idle for longer than the timeout, ending its streams', () => {
    let now = 0;
    const store = new WorkshopSessionStore({ idleMs: 1000, now: () => now });
    const { code } = store.open({ scenarioId: 'x', title });
    const events: string[] = [];
    store.subscribe(code, (e) => events.push(e.type));
    now = 999;
    expect(store.sweep()).toBe(0);
    now = 1001;
    expect(store.sweep()).toBe(1);
    expect(events).toEqual(['state', 'closed']);
    expect(() => store.state(code)).toThrow(/stängdes av sig själv .* efter tre timmar utan aktivitet/);
    expect(() => store.state('ABCDEFGH')).toThrow(/ingen öppen session/);
  });

  it('holds a bounded number of sessions at once', () => {
    const store = new WorkshopSessionStore({ maxSessions: 2 });
    store.open({ scenarioId: 'x', title });
    store.open({ scenarioId: 'x', title });
    expect(() => store.open({ scenarioId: 'x', title })).toThrow(/redan 2 öppna sessioner/);
  });
});

describe('the addresses phones are given', () => {
  it('are the LAN addresses of a server bound to all of them, and never a loopback one', () => {
    expect(lanHosts('127.0.0.1')).toEqual([]);
    expect(lanHosts('localhost')).toEqual([]);
    expect(lanHosts('192.168.1.20')).toEqual(['192.168.1.20']);
    for (const host of lanHosts('0.0.0.0')) expect(host).not.toMatch(/^127\./);
  });

  it('include the address the trainer reached the server by, and the QR code encodes the first', async () => {
    const { app } = workshopSessionRoutes({ lanOrigins: () => ['http://10.0.0.5:5173'] });
    const response = await app.fetch(
      new Request('http://192.168.1.20:5173/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: 'x', title }) }),
    );
    const opened = (await response.json()) as OpenedSession;
    expect(opened.joinUrls).toEqual([`http://192.168.1.20:5173/#/join/${opened.code}`, `http://10.0.0.5:5173/#/join/${opened.code}`]);
    const qr = await app.fetch(new Request(`http://192.168.1.20:5173/sessions/${opened.code}/qr.svg`));
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    const svg = await qr.text();
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toContain('<script');
  });
});
