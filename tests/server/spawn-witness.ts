import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The revisor's witness (src/witness/main.ts) as its own process on a free port of 127.0.0.1,
 * following the register whose verifier key is `registerKey`. Returns its address and its key.
 */
export async function spawnWitness(dataDir: string, registerKey: string, name = 'vittne.test/revisor'): Promise<{ child: ChildProcess; url: string; key: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/witness/main.ts', '--data', dataDir, '--name', name, '--log', registerKey, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const started = await new Promise<{ url: string; key: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the witness did not start: ${out}`));
    }, 20_000);
    const look = () => {
      const url = /listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const key = /witness key [^:]*: (\S+)/.exec(out)?.[1];
      if (url && key) {
        clearTimeout(timer);
        resolve({ url, key });
      }
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      look();
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the witness exited with ${code}: ${out}`));
    });
  });
  return { child, ...started, output: () => out };
}

/** Runs `npm run witness -- <args>` to its end (pull and check modes). */
export function runWitness(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/witness/main.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

export async function stopWitness(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
