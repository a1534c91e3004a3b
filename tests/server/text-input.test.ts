import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { apiErrorSchema } from '../../src/shared/decision-record';
import { auditor, post, procurer, saveRequest, tempDir } from './fixtures';
import { rawRequest } from './raw-request';

// Text the register would store wrongly, or that reads differently from how it is stored, is refused with 400
// naming the field, on every route that takes text: nothing of it is saved.
describe('the API refuses text with invalid UTF-8, control, bidirectional or invisible characters', () => {
  const dir = tempDir();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ dataDir: dir.path, port: 0, log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    dir.remove();
  });

  const count = async () => ((await (await fetch(`${server.url}/api/decisions`, { headers: auditor })).json()) as { items: unknown[] }).items.length;

  it.each([
    ['NUL', 'Skäl\u0000'],
    ['a right-to-left override', 'Skäl \u202eIOP'],
    ['an isolate', 'Skäl \u2066x\u2069'],
    ['a zero-width space', 'Sk\u200bäl'],
    ['a C1 next line', 'Skäl\u0085'],
  ])('a justification with %s: 400 naming decision field, nothing saved', async (_, justification) => {
    const before = await count();
    const response = await post(`${server.url}/api/decisions`, saveRequest(undefined, { justification }));
    expect(response.status).toBe(400);
    const body = apiErrorSchema.parse(await response.json());
    expect(body.error).toBe('invalid-text');
    expect(body.problems?.[0]?.field).toBe('justification');
    expect(body.problems?.[0]?.message).toMatch(/U\+[0-9A-F]{4}/);
    expect(await count()).toBe(before);
  });

  it('bytes that are not valid UTF-8: 400 naming the field, not stored as U+FFFD', async () => {
    const json = Buffer.from(JSON.stringify(saveRequest(undefined, { deviationReason: 'XX' })), 'utf8');
    const at = json.indexOf('XX');
    json[at] = 0xc3; // a lead byte without its continuation
    json[at + 1] = 0x28;
    const response = await fetch(`${server.url}/api/decisions`, { method: 'POST', headers: { 'content-type': 'application/json', ...procurer }, body: json });
    expect(response.status).toBe(400);
    const body = apiErrorSchema.parse(await response.json());
    expect(body.problems?.[0]).toMatchObject({ field: 'deviationReason', message: expect.stringContaining('U+FFFD') });
  });

  it('a character the decision document cannot print (Chinese, emoji): 400 naming the field', async () => {
    for (const text of ['决定', 'Bra 👍']) {
      const response = await post(`${server.url}/api/decisions`, saveRequest(undefined, { justification: text }));
      expect(response.status).toBe(400);
      expect(apiErrorSchema.parse(await response.json()).problems?.[0]?.field).toBe('justification');
    }
    expect((await post(`${server.url}/api/decisions`, saveRequest(undefined, { justification: 'Ελληνικά, Кириллица och Sámi: Ŋ ŧ đ.' }))).status).toBe(201);
  });

  it('a query with a control character, and a workshop answer with an override: 400 naming the parameter and field', async () => {
    const list = await fetch(`${server.url}/api/decisions?organisation=ljungby%E2%80%AE`, { headers: auditor });
    expect(list.status).toBe(400);
    expect(apiErrorSchema.parse(await list.json()).problems?.[0]?.field).toBe('organisation');
    const opened = await rawRequest(`${server.url}/api/workshop/sessions`, {
      method: 'POST',
      headers: { host: new URL(server.url).host, 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioId: 'motala', title: 'Motala \u202eflipped' }),
    });
    expect(opened.status).toBe(400);
    const refusal = JSON.parse(opened.text) as { message: string; problems: Array<{ field: string }> };
    expect(refusal.problems[0]?.field).toBe('title');
    expect(refusal.message).toContain('vänder läsriktningen');
  });
});
