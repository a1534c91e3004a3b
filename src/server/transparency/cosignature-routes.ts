import { Hono } from 'hono';
import { z } from 'zod';
import type { Witnesses } from '../../shared/witness-status';
import type { Cosignatures } from './cosignatures';

/**
 * The witnesses as anyone may see them (like the checkpoints, they are meant to be copied):
 * GET /transparency/witnesses, and POST /transparency/cosignatures, where a revisor's witness in
 * pull mode hands its cosignature back. Nothing handed in is believed unless the register's key
 * signed the checkpoint and a configured witness's key cosigned it.
 */
export function cosignatureRoutes(cosignatures: Cosignatures): Hono {
  const api = new Hono();
  api.get('/transparency/witnesses', async (c) => c.json({ witnesses: await cosignatures.status() } satisfies Witnesses));
  api.post('/transparency/cosignatures', async (c) => {
    const parsed = z.strictObject({ cosigned: z.string().max(16 * 1024) }).safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: 'invalid-request', message: 'the body must be {"cosigned": "<checkpoint with its cosignature lines>"}', problems: [{ field: 'cosigned', message: 'must be the cosigned checkpoint as text' }] }, 400);
    const kept = await cosignatures.accept(parsed.data.cosigned);
    if (!kept.ok) return c.json({ error: 'not-cosigned', message: kept.reason.en, problems: [{ field: 'cosigned', message: kept.reason.en }] }, 422);
    return c.json({ kept: kept.witnesses, size: kept.size });
  });
  return api;
}
