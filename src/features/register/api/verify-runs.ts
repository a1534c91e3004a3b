import { queryOptions, useMutation } from '@tanstack/react-query';
import { verifyRunSchema, type StartVerifyRequest } from '../../../shared/transparency';
import { identityHeaders } from './acting-as';
import { apiFetch, RegisterApiError } from './http';
import { downloadBlob } from '../../../document/download';

/** POST /api/verify/runs: starts a full or incremental run, optionally against an auditor's checkpoint or receipt. */
export function useStartVerifyRun() {
  return useMutation({
    mutationFn: (request: StartVerifyRequest) => apiFetch('/api/verify/runs', verifyRunSchema, { method: 'POST', body: JSON.stringify(request) }),
  });
}

/** GET /api/verify/runs/:id, polled while the run works (it runs off the request path on the server). */
export const verifyRunQuery = (actor: string, runId: string) =>
  queryOptions({
    queryKey: ['register', 'verify-run', actor, runId],
    queryFn: () => apiFetch(`/api/verify/runs/${encodeURIComponent(runId)}`, verifyRunSchema),
    refetchInterval: (query) => (query.state.data?.progress.status === 'running' ? 250 : false),
    staleTime: 0,
  });

/** The report as a file the browser saves: JSON for the record, text to print and file with the audit. */
export async function downloadReport(runId: string, format: 'json' | 'txt', lang: 'sv' | 'en' = 'sv'): Promise<void> {
  let response: Response;
  try {
    const query = format === 'txt' && lang === 'en' ? '?lang=en' : '';
    response = await fetch(new URL(`/api/verify/runs/${encodeURIComponent(runId)}/report.${format}${query}`, window.location.href), { headers: identityHeaders() });
  } catch {
    throw new RegisterApiError(0, { error: 'network', message: 'the server could not be reached' });
  }
  if (!response.ok) throw new RegisterApiError(response.status, { error: 'unknown', message: `the server answered ${response.status}` });
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `kontrollrapport.${format}`;
  downloadBlob(name, await response.blob());
}
