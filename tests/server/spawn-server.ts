import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Node flags that make a bench's server write a CPU profile on exit when VAGVAL_BENCH_PROFILE names a
 * folder: how the 400 ms stall during a full verify was traced to rules/ being parsed on the first request.
 */
export function profileArgs(): string[] {
  const dir = process.env.VAGVAL_BENCH_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=500'] : [];
}

/**
 * The real server (src/server/main.ts) as its own process on a free port of 127.0.0.1. It runs
 * node itself with tsx as a loader, not the tsx wrapper, so a SIGKILL hits the database's owner.
 */
/**
 * `startTimeoutMs`: a first start over a million records builds the tree first (the benches wait for it).
 * `server.args` go to main.ts (`--lan`, as `npm run workshop` starts it); `server.env` replaces the defaults
 * (`HOST: undefined` leaves the host to main.ts). `output` is everything the server printed up to its start.
 */
export async function spawnServer(
  dataDir: string,
  nodeArgs: string[] = [],
  startTimeoutMs = 20_000,
  server: { args?: string[]; env?: Record<string, string | undefined> } = {},
): Promise<{ child: ChildProcess; url: string; output: string }> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    VAGVAL_DATA_DIR: dataDir,
    VAGVAL_STATIC_DIR: `${dataDir}/no-app`,
    VAGVAL_ACCESS_FILE: `${root}/config/access.json`,
    ...server.env,
  };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server/main.ts', ...(server.args ?? [])], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start: ${out}`));
    }, startTimeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/listens on http:\/\/(127\.0\.0\.1|0\.0\.0\.0):(\d+)/);
      if (match) {
        clearTimeout(timer);
        // Bound to every interface, the server is still reached over loopback by the tests.
        resolve(`http://127.0.0.1:${match[2]!}`);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}: ${out}`));
    });
  });
  return { child, url, output: out };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
