import { queryOptions } from '@tanstack/react-query';
import {
  exceptionResponseSchema,
  impactLineSchema,
  recordAuditSchema,
  rulesetDiffSchema,
  rulesetListSchema,
  socialReportSchema,
  splitGroupResponseSchema,
  type ExceptionQuery,
  type SplitGroupQuery,
  type ImpactLine,
  type SocialReportQuery,
} from '../../../../shared/audit-report';
import { apiErrorSchema } from '../../../../shared/decision-record';
import { identityHeaders } from '../../api/acting-as';
import { apiFetch, queryString, RegisterApiError } from '../../api/http';

type Query = Record<string, string | number | undefined>;

export const exceptionsQuery = (actor: string, query: Partial<ExceptionQuery>) =>
  queryOptions({ queryKey: ['register', 'reports', 'exceptions', actor, query], queryFn: () => apiFetch(`/api/reports/exceptions${queryString(query as Query)}`, exceptionResponseSchema) });

export const splitGroupsQuery = (actor: string, query: Partial<SplitGroupQuery>) =>
  queryOptions({ queryKey: ['register', 'reports', 'split-groups', actor, query], queryFn: () => apiFetch(`/api/reports/split-groups${queryString(query as Query)}`, splitGroupResponseSchema) });

export const recordAuditQuery = (actor: string, id: number) =>
  queryOptions({ queryKey: ['register', 'reports', 'record', actor, id], queryFn: () => apiFetch(`/api/reports/records/${id}`, recordAuditSchema) });

export const socialReportQuery = (actor: string, query: Partial<SocialReportQuery>) =>
  queryOptions({ queryKey: ['register', 'reports', 'social', actor, query], queryFn: () => apiFetch(`/api/reports/social${queryString(query as Query)}`, socialReportSchema) });

export const rulesetsQuery = (actor: string) =>
  queryOptions({ queryKey: ['register', 'reports', 'rulesets', actor], queryFn: () => apiFetch('/api/reports/rulesets', rulesetListSchema) });

export const rulesetDiffQuery = (actor: string, from: string, to: string) =>
  queryOptions({ queryKey: ['register', 'reports', 'diff', actor, from, to], queryFn: () => apiFetch(`/api/reports/rulesets/diff${queryString({ from, to })}`, rulesetDiffSchema) });

async function failure(response: Response): Promise<RegisterApiError> {
  const parsed = apiErrorSchema.safeParse(await response.json().catch(() => null));
  return new RegisterApiError(response.status, parsed.success ? parsed.data : { error: 'unknown', message: `the server answered ${response.status}` });
}

/** A CSV file from the server, fetched as the chosen user (a plain link could not send who that is). */
export async function fetchCsv(path: string, query: Query): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(new URL(`${path}${queryString(query)}`, window.location.href), { headers: identityHeaders() });
  } catch {
    throw new RegisterApiError(0, { error: 'network', message: 'the server could not be reached' });
  }
  if (!response.ok) throw await failure(response);
  return response.blob();
}

/** Runs the impact analysis, handing each streamed line to `onLine` as it arrives. */
export async function runImpact(query: { from: string; to: string; organisation?: string | undefined }, onLine: (line: ImpactLine) => void, signal: AbortSignal): Promise<void> {
  let response: Response;
  try {
    response = await fetch(new URL(`/api/reports/impact${queryString(query)}`, window.location.href), { headers: identityHeaders(), signal });
  } catch (error) {
    if (signal.aborted) return;
    throw new RegisterApiError(0, { error: 'network', message: `the server could not be reached: ${(error as Error).message}` });
  }
  if (!response.ok || !response.body) throw await failure(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onLine(impactLineSchema.parse(JSON.parse(line)));
  }
  if (buffer.trim()) onLine(impactLineSchema.parse(JSON.parse(buffer)));
}
