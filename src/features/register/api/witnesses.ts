import { queryOptions } from '@tanstack/react-query';
import { witnessesSchema } from '../../../shared/witness-status';
import { apiFetch } from './http';

/** GET /api/transparency/witnesses: each configured witness and the latest checkpoint it cosigned. */
export const witnessesQuery = () =>
  queryOptions({ queryKey: ['register', 'witnesses'], queryFn: () => apiFetch('/api/transparency/witnesses', witnessesSchema), staleTime: 10_000 });
