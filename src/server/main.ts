import { fileURLToPath } from 'node:url';
import { startServer } from './start-server';
import { loadWitnessSettings } from './transparency/witness-settings';
import type { WitnessSetting } from './transparency/cosignatures';

/**
 * `npm start`: the API under /api and the built app from dist/, on one port. Settings come from
 * the environment (docs/register.md): PORT, HOST, VAGVAL_DATA_DIR, VAGVAL_DATABASE_URL,
 * VAGVAL_ACCESS_FILE, VAGVAL_ALLOWED_HOSTS, VAGVAL_SIGNING_KEY_FILE, VAGVAL_LOG_ORIGIN, VAGVAL_CHECKPOINT_EVERY, VAGVAL_WITNESSES_FILE.
 */
const distDir = fileURLToPath(new URL('../../dist', import.meta.url));
const accessFile = fileURLToPath(new URL('../../config/access.json', import.meta.url));

// `npm run workshop` passes --lan: the phones in the room reach the laptop on its network address.
// Listening there, the server believes no identity headers (security/identity-trust.ts), so the room
// gets the guide and the workshop, and the register only with an API token.
const lan = process.argv.includes('--lan');

const checkpointEvery = process.env.VAGVAL_CHECKPOINT_EVERY;
if (checkpointEvery !== undefined && !/^[1-9]\d*$/.test(checkpointEvery)) {
  console.error(`Vägval could not start: VAGVAL_CHECKPOINT_EVERY must be a whole number of saves, 1 or more, not "${checkpointEvery}"`);
  process.exit(1);
}

let witnesses: WitnessSetting[] | undefined;
try {
  witnesses = loadWitnessSettings(process.env.VAGVAL_WITNESSES_FILE);
} catch (error) {
  console.error(`Vägval could not start: ${(error as Error).message}`);
  process.exit(1);
}

try {
  const server = await startServer({
    witnesses,
    port: Number(process.env.PORT ?? 5173),
    host: process.env.HOST ?? (lan ? '0.0.0.0' : '127.0.0.1'),
    dataDir: process.env.VAGVAL_DATA_DIR ?? 'data',
    databaseUrl: process.env.VAGVAL_DATABASE_URL,
    accessFile: process.env.VAGVAL_ACCESS_FILE ?? accessFile,
    staticDir: process.env.VAGVAL_STATIC_DIR ?? distDir,
    signingKeyFile: process.env.VAGVAL_SIGNING_KEY_FILE,
    logOrigin: process.env.VAGVAL_LOG_ORIGIN,
    checkpointEvery: checkpointEvery ? Number(checkpointEvery) : undefined,
    allowedHosts: process.env.VAGVAL_ALLOWED_HOSTS,
  });
  const key = server.transparency.key;
  if (key.created) console.log(`Vägval made a new checkpoint signing key in ${key.file}: back it up (docs/register.md)`);
  console.log(`Checkpoints are signed with ${key.vkey} (key file ${key.file}; also at /api/transparency/public-key)`);
  console.log(`Vägval listens on ${server.url}`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`Vägval could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
