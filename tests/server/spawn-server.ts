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
/** `startTimeoutMs`: a first start over a million records builds the tree first (the benches wait for it). */
export async function spawnServer(dataDir: string, nodeArgs: string[] = [], startTimeoutMs = 20_000): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      VAGVAL_DATA_DIR: dataDir,
      VAGVAL_STATIC_DIR: `${dataDir}/no-app`,
      VAGVAL_ACCESS_FILE: `${root}/config/access.json`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start: ${out}`));
    }, startTimeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/listens on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}: ${out}`));
    });
  });
  return { child, url };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
