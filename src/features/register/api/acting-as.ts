import { roles, type Role } from '../../../shared/decision-record';

/**
 * Who this browser acts as towards the register. In the single-user default the server takes
 * the X-Vagval-User / X-Vagval-Role headers at their word; on a shared server an API token is
 * needed instead (docs/register.md). Kept in localStorage so a reload keeps the choice.
 */
export type ActingAs = { user: string; role: Role; token?: string | undefined };

const key = 'vagval.register.actingAs';
export const defaultActingAs: ActingAs = { user: 'upphandlare', role: 'procurer' };
const listeners = new Set<() => void>();

export function readActingAs(): ActingAs {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<ActingAs> | null;
    if (value && typeof value.user === 'string' && roles.includes(value.role as Role)) {
      return { user: value.user, role: value.role as Role, token: typeof value.token === 'string' ? value.token : undefined };
    }
  } catch {
    // Unreadable storage: fall back to the default.
  }
  return defaultActingAs;
}

export function writeActingAs(value: ActingAs): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

export function subscribeActingAs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function identityHeaders(actingAs: ActingAs = readActingAs()): Record<string, string> {
  if (actingAs.token) return { authorization: `Bearer ${actingAs.token}`, 'x-vagval-role': actingAs.role };
  return { 'x-vagval-user': actingAs.user, 'x-vagval-role': actingAs.role };
}
