import { queryOptions } from '@tanstack/react-query';
import { decisionTrailSchema } from '../../../shared/decision-trail';
import { apiFetch } from './http';

/** GET /api/decisions/:id: the record and its trail under the rule set it was made with. */
export const decisionTrailQuery = (actor: string, id: number) =>
  queryOptions({ queryKey: ['register', 'decision', actor, id], queryFn: () => apiFetch(`/api/decisions/${id}`, decisionTrailSchema), staleTime: Infinity });
