import type { z } from 'zod/mini';
import { apiErrorSchema, type ApiError } from '../../../shared/decision-record';
import { identityHeaders } from './acting-as';

/** A refusal or failure from the register API, with the fields it names. */
export class RegisterApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.message);
    this.name = 'RegisterApiError';
  }
}

/** Calls the API as the chosen user and parses the answer with the shared contract. */
export async function apiFetch<T>(path: string, schema: z.ZodMiniType<T>, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    // Absolute against the page, so the same call works in the browser and under jsdom.
    response = await fetch(new URL(path, window.location.href), {
      ...init,
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...identityHeaders(), ...init.headers },
    });
  } catch {
    throw new RegisterApiError(0, { error: 'network', message: 'the server could not be reached' });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    throw new RegisterApiError(response.status, parsed.success ? parsed.data : { error: 'unknown', message: `the server answered ${response.status}` });
  }
  return schema.parse(body);
}

export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
