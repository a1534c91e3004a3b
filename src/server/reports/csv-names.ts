import { buyerName } from '../../engine/buyers';
import type { Ruleset } from '../../engine/ruleset';
import type { Names } from '../../shared/audit-csv';

/** Routes and organisations as the rule set names them in Swedish, for the CSV files. */
export const csvNames = (ruleset: Ruleset): Names => ({
  route: (id) => ruleset.routes[id as keyof Ruleset['routes']]?.name.sv ?? id,
  organisation: (id) => buyerName(ruleset, id),
});
