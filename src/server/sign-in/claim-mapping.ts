import type { OrganisationId } from '../../engine/answers-schema';
import type { Role } from '../../shared/decision-record';
import { roles } from '../../shared/decision-record';
import type { ClaimMapping } from './oidc-settings';

export type MappedUser = { user: string; roles: Role[]; organisations: Array<OrganisationId | '*'> };

export type MappingResult = { ok: true; user: MappedUser } | { ok: false; reason: 'no-user-claim' | 'no-role'; user: string | null };

/** A name the register can store and print: what the records' text check would refuse is no name for a user. */
const usableName = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]{1,200}$/u;

function claimHas(value: unknown, wanted: string): boolean {
  if (typeof value === 'string') return value === wanted;
  if (Array.isArray(value)) return value.some((v) => v === wanted);
  return false;
}

/** The provider's claims as a Vägval user: every role and organisation of every matching mapping, or why there is none. */
export function mapClaims(claims: Record<string, unknown>, userClaim: string, mappings: readonly ClaimMapping[]): MappingResult {
  const name = claims[userClaim];
  if (typeof name !== 'string' || !usableName.test(name)) return { ok: false, reason: 'no-user-claim', user: null };
  const matched = mappings.filter((m) => claimHas(claims[m.claim], m.value));
  const held = new Set(matched.flatMap((m) => m.roles));
  if (held.size === 0) return { ok: false, reason: 'no-role', user: name };
  const organisations = [...new Set(matched.flatMap((m) => m.organisations))];
  return { ok: true, user: { user: name, roles: roles.filter((r) => held.has(r)), organisations: organisations.includes('*') ? ['*'] : organisations } };
}
