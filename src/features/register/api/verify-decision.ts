import { queryOptions } from '@tanstack/react-query';
import { verifyRecordSchema } from '../../../shared/decision-record';
import { apiFetch } from './http';

/** GET /api/decisions/:id/verify: hash, chain and verdicts checked now (never cached). */
export const verifyDecisionQuery = (actor: string, id: number) =>
  queryOptions({ queryKey: ['register', 'verify', actor, id], queryFn: () => apiFetch(`/api/decisions/${id}/verify`, verifyRecordSchema), staleTime: 0, gcTime: 0 });
