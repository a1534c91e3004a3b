import { canonicalOrganisation } from '../engine/buyers';
import type { Ruleset } from '../engine/ruleset';

/**
 * A request's query with the organisation named as the register files it: a seed organisation asked for by its
 * SCB code (organisation=kommun-0583) is asked for by its own id (motala), so the filter finds its records.
 */
export function withCanonicalOrganisation(query: Record<string, string>, ruleset: Ruleset): Record<string, string> {
  return query.organisation ? { ...query, organisation: canonicalOrganisation(ruleset, query.organisation) } : query;
}
