import { useMutation, useQueryClient } from '@tanstack/react-query';
import { decisionRecordSchema, type SaveDecisionRequest } from '../../../shared/decision-record';
import { apiFetch } from './http';

export type SaveDecisionCall = { request: SaveDecisionRequest; idempotencyKey: string };

/**
 * POST /api/decisions with an Idempotency-Key, so that a retry of the same save is answered with the record the
 * first one filed (200) instead of filing it twice; a saved record makes the register's lists and statistics stale.
 */
export function useSaveDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: SaveDecisionCall) =>
      apiFetch('/api/decisions', decisionRecordSchema, { method: 'POST', body: JSON.stringify(request), headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['register'] }),
  });
}
