import { queryOptions } from '@tanstack/react-query';
import { statsResponseSchema, type StatsQuery } from '../../../shared/decision-record';
import { apiFetch, queryString } from './http';

/** GET /api/stats: purchases counted and summed by organisation, period, route and supplier kind. */
export const statsQuery = (actor: string, query: Partial<StatsQuery>) =>
  queryOptions({ queryKey: ['register', 'stats', actor, query], queryFn: () => apiFetch(`/api/stats${queryString(query)}`, statsResponseSchema) });
