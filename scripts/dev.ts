import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * `npm run dev`: the register API (restarted on change) and Vite's dev server together. Vite
 * serves the app on its port and forwards /api to the API's port (vite.config.ts).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.VAGVAL_API_PORT ?? '8787';
const bin = (name: string) => `${root}node_modules/.bin/${name}`;

const children: ChildProcess[] = [
  spawn(bin('tsx'), ['watch', 'src/server/main.ts'], {
    cwd: root,
    stdio: 'inherit',
    // No built app in development: Vite serves it.
    env: { ...process.env, PORT: apiPort, VAGVAL_STATIC_DIR: `${root}.no-static` },
  }),
  spawn(bin('vite'), process.argv.slice(2), { cwd: root, stdio: 'inherit', env: { ...process.env, VAGVAL_API_PORT: apiPort } }),
];

let stopping = false;
function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.once('exit', (code) => stop(code ?? 0));
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
