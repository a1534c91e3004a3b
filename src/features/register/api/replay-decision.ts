import { queryOptions } from '@tanstack/react-query';
import { replaySchema } from '../../../shared/decision-trail';
import { apiFetch } from './http';

/** GET /api/decisions/:id/replay: the decision judged again under the current rule set; kept in its timeline, so only when asked. */
export const replayDecisionQuery = (actor: string, id: number) =>
  queryOptions({
    queryKey: ['register', 'replay', actor, id],
    queryFn: () => apiFetch(`/api/decisions/${id}/replay`, replaySchema),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
