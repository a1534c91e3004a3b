import { queryOptions } from '@tanstack/react-query';
import { similarResponseSchema } from '../../shared/audit-report';
import type { SimilarLookup } from '../../shared/similar-check';
import { apiFetch, queryString, RegisterApiError } from './api/http';
import { roleNames } from './labels';
import { actorKey, useActingAs } from './use-acting-as';
import { WithQueryClient } from './with-query-client';

/**
 * What the guide's similar-purchase check needs of the register: its query client, who the browser
 * acts as, and GET /api/reports/similar under the register's access rules. Loaded with the check, never with the
 * guide's first page (index.tsx).
 */
export const similarPurchasesQuery = (actor: string, lookup: SimilarLookup) =>
  queryOptions({
    // Not under 'register': saving the decision being planned must not ask again and find the decision itself
    // before the guide knows its number (the guide leaves out its own saved records, draft.wizard.savedAs).
    queryKey: ['similar-purchases', actor, lookup],
    queryFn: () => apiFetch(`/api/reports/similar${queryString(lookup)}`, similarResponseSchema),
    // Offline or refused is said at once, with a button to ask again, rather than after silent retries.
    retry: false,
    staleTime: 30_000,
  });

export { actorKey, RegisterApiError, roleNames, useActingAs, WithQueryClient };
