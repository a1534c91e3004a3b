import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Witness, type WitnessAnswer } from './add-checkpoint';
import { loadWitnessConfig } from './witness-config';
import { loadOrCreateWitnessKey } from './witness-key';
import { listen, witnessApp } from './witness-server';
import { WitnessState } from './witness-state';
import { checkFiles, pullFrom } from './pull';

/**
 * `npm run witness`: the revisor's witness (C2SP tlog-witness), a process of its own with its
 * own key and state folder, meant for another machine than the register's.
 *
 *   npm run witness -- --log <register's verifier key>        serve POST /add-checkpoint (port 4180)
 *   npm run witness -- pull http://register.example:5173      fetch checkpoint and proof, cosign or refuse
 *   npm run witness -- check checkpoint.txt proof.json        the same from files brought along
 *
 * Options: --data <folder> (./witness-data), --name <witness name> (first start only),
 * --log <vkey> or <origin>=<vkey> (repeatable; kept in the folder), --port, --host (127.0.0.1).
 */
const usage = 'usage: npm run witness -- [serve | pull <register URL> | check <files>] [--log <register key>] [--data <folder>] [--name <name>] [--port <n>] [--host <address>]';

function fail(message: string): never {
  console.error(`Vittnet kunde inte starta / the witness could not start: ${message}\n${usage}`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string', default: process.env.VAGVAL_WITNESS_DATA ?? 'witness-data' },
      name: { type: 'string' },
      log: { type: 'string', multiple: true, default: [] },
      port: { type: 'string', default: process.env.VAGVAL_WITNESS_PORT ?? '4180' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
}
try {
  args = parse();
} catch (error) {
  fail((error as Error).message);
}

const [mode = 'serve', ...rest] = args.positionals;
const dir = resolve(args.values.data);
let witness: Witness;
try {
  const state = new WitnessState(dir);
  const { config, logs } = loadWitnessConfig(dir, args.values.name, args.values.log);
  if (logs.size === 0) fail(`the witness follows no register yet: give the register's key with --log (it is at /api/transparency/public-key)`);
  const key = loadOrCreateWitnessKey(state.keyFile, config.name);
  if (key.created) console.log(`the witness made its key in ${state.keyFile}`);
  console.log(`witness key (give it to the register's VAGVAL_WITNESSES_FILE): ${key.vkey}`);
  console.log(`follows: ${config.logs.map((l) => l.origin).join(', ')}`);
  witness = new Witness({ key, logs, state });
} catch (error) {
  fail((error as Error).message);
}

const report = (answer: WitnessAnswer): number => {
  if (answer.status === 200) {
    console.log(`Bevittnat t.o.m. nr ${answer.size} / cosigned up to record ${answer.size}:\n\n${answer.note}${answer.cosignature}`);
    return 0;
  }
  console.error(`Vägrat (${answer.status}) / refused: ${answer.reason.sv}\n${answer.reason.en}`);
  return 1;
};

if (mode === 'serve') {
  const port = Number(args.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, not "${args.values.port}"`);
  const running = await listen(witnessApp(witness, (line) => console.log(line)), port, args.values.host);
  console.log(`the witness listens on ${running.url}/add-checkpoint`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else if (mode === 'pull') {
  if (rest.length !== 1) fail('pull takes the register\'s address, e.g. pull http://register.example:5173');
  try {
    const { answer, handedBack } = await pullFrom(rest[0]!, witness);
    const code = report(answer);
    if (handedBack) console.log(handedBack);
    process.exit(code);
  } catch (error) {
    console.error(`Vittnet kunde inte hämta från registret / could not fetch from the register: ${(error as Error).message}`);
    process.exit(1);
  }
} else if (mode === 'check') {
  if (rest.length === 0) fail('check takes the files brought from the register: the checkpoint, and the consistency proof');
  try {
    process.exit(report(await checkFiles(rest, witness)));
  } catch (error) {
    console.error(`Filerna kunde inte läsas / the files could not be read: ${(error as Error).message}`);
    process.exit(1);
  }
} else {
  fail(`unknown mode "${mode}"`);
}
