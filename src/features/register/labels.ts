import type { OrganisationId, RouteId } from '../../engine/answers-schema';
import type { Localized } from '../../engine/ruleset-schema';
import { buyerName } from '../../engine/buyers';
import { browserRuleset } from '../../rules-data/browser-ruleset';

/** Names as the rule set gives them, so the register speaks as the guide does. */
export const routeName = (route: RouteId): Localized => browserRuleset.routes[route].name;

export const organisationName = (org: OrganisationId): string => buyerName(browserRuleset, org);

export const supplierKindNames: Record<string, Localized> = {
  any: { sv: 'Annan leverantör', en: 'Other supplier' },
  'social-enterprise': { sv: 'Socialt företag', en: 'Social enterprise' },
  ideaburen: { sv: 'Idéburen organisation', en: 'Idéburen organisation' },
  unknown: { sv: 'Okänd', en: 'Unknown' },
};

export const roleNames: Record<string, Localized> = {
  procurer: { sv: 'Upphandlare', en: 'Procurer' },
  auditor: { sv: 'Revisor', en: 'Auditor' },
  admin: { sv: 'Administratör', en: 'Administrator' },
};

export function formatSek(value: number, lang: 'sv' | 'en'): string {
  return `${new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 0 }).format(value)} kr`;
}
