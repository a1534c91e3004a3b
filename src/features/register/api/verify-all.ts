import { queryOptions } from '@tanstack/react-query';
import { verifyAllSchema } from '../../../shared/decision-record';
import { apiFetch } from './http';

/** GET /api/verify: the whole chain walked and every verdict re-evaluated. */
export const verifyAllQuery = (actor: string) =>
  queryOptions({ queryKey: ['register', 'verify-all', actor], queryFn: () => apiFetch('/api/verify', verifyAllSchema), staleTime: 0, gcTime: 0 });
