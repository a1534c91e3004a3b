import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { listResponseSchema, type ListFilter } from '../../../shared/decision-record';
import { apiFetch, queryString } from './http';

/** GET /api/decisions: one page, newest first; `before` is the previous page's `nextBefore`. */
export const listDecisionsQuery = (actor: string, filter: Partial<ListFilter>, before?: number) =>
  queryOptions({
    queryKey: ['register', 'decisions', actor, filter, before ?? null],
    queryFn: () => apiFetch(`/api/decisions${queryString({ ...filter, before, limit: 25 })}`, listResponseSchema),
    placeholderData: keepPreviousData,
  });
