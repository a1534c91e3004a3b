import { queryOptions } from '@tanstack/react-query';
import { identitiesResponseSchema } from '../../../shared/decision-record';
import { apiFetch } from './http';

/** GET /api/identities: whom one may act as in the single-user default. */
export const identitiesQuery = () =>
  queryOptions({ queryKey: ['register', 'identities'], queryFn: () => apiFetch('/api/identities', identitiesResponseSchema), staleTime: Infinity });
