import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenedSession, PublicSessionState } from '../../src/shared/workshop-session';
import { tempDir } from './fixtures';
import { spawnServer, stopServer } from './spawn-server';
import { followEvents, jsonPost, verdictsOf } from './workshop-load';

let dir: ReturnType<typeof tempDir> | null = null;
let child: ChildProcess | null = null;
afterEach(async () => {
  if (child) await stopServer(child);
  child = null;
  dir?.remove();
  dir = null;
});

async function start(): Promise<string> {
  const started = await spawnServer(dir!.path);
  child = started.child;
  return `${started.url}/api/workshop/sessions`;
}
const kill = async (signal: NodeJS.Signals) => {
  const exited = new Promise<void>((done) => child!.once('exit', () => done()));
  child!.kill(signal);
  await exited;
  child = null;
};
const body = async <T>(r: Response) => (await r.json()) as T;

describe('a workshop room survives a restart of the trainer’s laptop', () => {
  it('comes back after a stop and a crash with its seats and answers: phones carry on, the presenter reveals them', { timeout: 120_000 }, async () => {
    dir = tempDir('vagval-workshop-restart-');
    let api = await start();
    const { code, trainerToken } = await body<OpenedSession>(await jsonPost(api, { scenarioId: 'fruktkorgar-reserverad', title: { sv: 'Fruktkorgar', en: 'Fruit baskets' } }));
    const a = (await body<{ participantToken: string }>(await jsonPost(`${api}/${code}/join`, {}))).participantToken;
    const b = (await body<{ participantToken: string }>(await jsonPost(`${api}/${code}/join`, {}))).participantToken;
    expect((await jsonPost(`${api}/${code}/answer`, { participantToken: a, verdicts: verdictsOf(0), why: 'Under gränsen.' })).status).toBe(200);

    // Stopped as a laptop is shut: the phone's stream ends without being told the session closed.
    const stream = followEvents(`${api}/${code}/events`);
    await stream.ready;
    await kill('SIGTERM');
    await stream.closed.catch(() => {});
    api = await start();
    expect(await body<PublicSessionState>(await fetch(`${api}/${code}/state`))).toMatchObject({ phase: 'open', participants: 2, answered: 1 });

    // The second phone answers on its old seat, then the laptop crashes (no shutdown at all) and comes back again.
    expect((await jsonPost(`${api}/${code}/answer`, { participantToken: b, verdicts: verdictsOf(1), why: 'Kooperativet är ett socialt företag.' })).status).toBe(200);
    await kill('SIGKILL');
    api = await start();
    const revealed = await body<PublicSessionState>(await jsonPost(`${api}/${code}/reveal`, { trainerToken }));
    expect(revealed).toMatchObject({ phase: 'revealed', participants: 2, answered: 2 });
    expect(revealed.whys).toEqual(['Under gränsen.', 'Kooperativet är ett socialt företag.']);
    // The trainer token still belongs to the trainer alone: a participant's does not reveal.
    expect((await jsonPost(`${api}/${code}/reopen`, { trainerToken: a })).status).toBe(403);

    // Ended by the trainer, and restarted: a phone coming back is told who ended it, not that it was lost.
    expect((await jsonPost(`${api}/${code}/close`, { trainerToken })).status).toBe(200);
    await kill('SIGTERM');
    api = await start();
    const ended = await fetch(`${api}/${code}/state`);
    expect(ended.status).toBe(410);
    expect((await body<{ message: string }>(ended)).message).toContain(`Kursledaren avslutade sessionen ${code}`);
  });

  it('says honestly that a session is unknown when the server’s store lost it', { timeout: 60_000 }, async () => {
    dir = tempDir('vagval-workshop-lost-');
    let api = await start();
    const { code } = await body<OpenedSession>(await jsonPost(api, { scenarioId: 'fruktkorgar-reserverad', title: { sv: 'Fruktkorgar', en: 'Fruit baskets' } }));
    await kill('SIGTERM');
    for (const file of ['workshop-sessions.sqlite', 'workshop-sessions.sqlite-wal', 'workshop-sessions.sqlite-shm']) rmSync(join(dir.path, file), { force: true });
    api = await start();
    const lost = await fetch(`${api}/${code}/events`);
    expect(lost.status).toBe(404);
    expect((await body<{ message: string }>(lost)).message).toContain(`Det finns ingen öppen session med koden ${code}`);
  });
});
