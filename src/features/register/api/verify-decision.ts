import { queryOptions } from '@tanstack/react-query';
import { verifyRecordSchema } from '../../../shared/decision-record';
import { apiFetch } from './http';

/**
 * GET /api/decisions/:id/verify: hash, chain and verdicts checked now (never cached). Each check is
 * kept in the record's timeline, so it runs only when asked: not again on focus, reconnect or retry.
 */
export const verifyDecisionQuery = (actor: string, id: number) =>
  queryOptions({
    queryKey: ['register', 'verify', actor, id],
    queryFn: () => apiFetch(`/api/decisions/${id}/verify`, verifyRecordSchema),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
