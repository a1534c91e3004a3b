import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { limitBody } from '../server/body-limit';
import type { Witness, WitnessAnswer } from './add-checkpoint';

/** A request is a checkpoint and at most 63 hashes: a few kilobytes. */
const maxBodyBytes = 16 * 1024;

/**
 * The witness's HTTP interface: POST /add-checkpoint as C2SP tlog-witness defines it (the
 * submission prefix is the root), and, for the revisor, GET /checkpoints: the latest cosigned
 * checkpoint of each log with its cosignature. A refusal's reason is in the body (Swedish line,
 * English line), except for the spec's 409 with a size, whose body is the size alone: its reason
 * is in the Witness-Reason headers then (the Swedish one percent-encoded, headers being ASCII).
 */
export function witnessApp(witness: Witness, log: (line: string) => void): Hono {
  const app = new Hono();
  app.use('*', limitBody(maxBodyBytes, (c) => c.text(`begäran är större än ${maxBodyBytes} byte\nthe request is larger than ${maxBodyBytes} bytes\n`, 413)));
  app.post('/add-checkpoint', async (c) => {
    const answer: WitnessAnswer = await witness.addCheckpoint(await c.req.text());
    if (answer.status === 200) {
      log(`cosigned ${answer.size} records`);
      return c.body(answer.cosignature, 200, { 'content-type': 'text/plain; charset=utf-8' });
    }
    log(`refused (${answer.status}): ${answer.reason.en}`);
    if (answer.status === 409) {
      return c.body(`${answer.size}\n`, 409, { 'content-type': 'text/x.tlog.size', 'witness-reason': answer.reason.en, 'witness-reason-sv': encodeURIComponent(answer.reason.sv) });
    }
    return c.body(`${answer.reason.sv}\n${answer.reason.en}\n`, answer.status, { 'content-type': 'text/plain; charset=utf-8' });
  });
  app.get('/checkpoints', (c) =>
    c.json({
      witness: witness.options.key.vkey,
      logs: witness.options.state.all().map((s) => ({ origin: s.origin, size: s.size, rootHash: s.rootHash, cosignedAt: s.cosignedAt, cosigned: `${s.note}${s.cosignature}` })),
    }),
  );
  app.notFound((c) => c.text('här finns bara POST /add-checkpoint och GET /checkpoints\nthere is only POST /add-checkpoint and GET /checkpoints\n', 404));
  return app;
}

export async function listen(app: Hono, port: number, host: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done());
  });
  const bound = (server.address() as AddressInfo).port;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`, close: () => new Promise<void>((done) => server.close(() => done())) };
}
