import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { writerLockFile } from '../../src/server/store/writer-lock';
import { post, saveRequest, tempDir } from './fixtures';
import { spawnServer, stopServer } from './spawn-server';

let dir: ReturnType<typeof tempDir>;
let server: RunningServer | null = null;
const start = () => startServer({ dataDir: dir.path, port: 0, ruleset: nodeRuleset, log: () => {} });
const dbFile = () => join(dir.path, 'register.sqlite');

beforeEach(() => {
  dir = tempDir();
});
afterEach(async () => {
  await server?.close();
  server = null;
  dir.remove();
});

describe('one writer per SQLite file', () => {
  it('a second server process on the same file refuses to start, naming the file and the first process, in Swedish and English', async () => {
    server = await start();
    const failure = await spawnServer(dir.path).then(
      async ({ child }) => {
        await stopServer(child);
        return 'it started';
      },
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/exited with 1/);
    expect(failure).toContain(`registret ${dbFile()} används redan av en annan Vägval-process (pid ${process.pid}`);
    expect(failure).toContain(`The register ${dbFile()} is already in use by another Vägval process (pid ${process.pid}`);
    // The first goes on saving as if nothing happened.
    expect((await post(`${server.url}/api/decisions`, saveRequest())).status).toBe(201);
  }, 30_000);

  it('a second server in the same process is refused too, and the first keeps its lock', async () => {
    server = await start();
    await expect(start()).rejects.toThrow(/används redan av en annan Vägval-process .*already in use by another Vägval process/s);
    expect(existsSync(writerLockFile(dbFile()))).toBe(true);
    expect((await post(`${server.url}/api/decisions`, saveRequest())).status).toBe(201);
  });

  it('gives the file back when it stops, so the next start gets it', async () => {
    server = await start();
    await server.close();
    server = null;
    expect(existsSync(writerLockFile(dbFile()))).toBe(false);
    server = await start();
    expect(JSON.parse(readFileSync(writerLockFile(dbFile()), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
  });

  it('takes over a lock left by a server that was killed (its pid is gone)', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    writeFileSync(writerLockFile(dbFile()), `${JSON.stringify({ pid: deadPid, host: hostname(), since: '2026-01-01T00:00:00.000Z' })}\n`);
    server = await start();
    expect(JSON.parse(readFileSync(writerLockFile(dbFile()), 'utf8'))).toMatchObject({ pid: process.pid });
  });
});
