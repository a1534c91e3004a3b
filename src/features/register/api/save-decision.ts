import { useMutation, useQueryClient } from '@tanstack/react-query';
import { decisionRecordSchema, type SaveDecisionRequest } from '../../../shared/decision-record';
import { apiFetch } from './http';

/** POST /api/decisions; a saved record makes the register's lists and statistics stale. */
export function useSaveDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: SaveDecisionRequest) => apiFetch('/api/decisions', decisionRecordSchema, { method: 'POST', body: JSON.stringify(request) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['register'] }),
  });
}
