import { organisationIds, type OrganisationId, type SeedOrganisationId } from './answers-schema';
import type { Localized } from './ruleset-schema';
import type { Ruleset } from './ruleset';

/** Who buys: a kommun, a region, a statlig myndighet, or `other` (a buyer not in the list). */
export type BuyerKind = 'kommun' | 'region' | 'state' | 'other';

/** The kind of contracting authority that decides which central or sub-central thresholds apply. */
export type AuthorityKind = 'municipal' | 'state';

export type Buyer = {
  id: OrganisationId;
  name: string;
  kind: BuyerKind;
  /** SCB's kommunkod or länskod; null for a state agency and for `other`. */
  code: string | null;
  /** The län a kommun lies in, or a region is the region of. */
  lan: { code: string; name: string } | null;
  /** Known from the kind of buyer; null for `other`, whose kind the guide asks. */
  authorityKind: AuthorityKind | null;
  /** The seed organisation this buyer is (its policy is rules/layers/<id>.yaml; an overlay in older stored rule sets), if any. */
  overlay: SeedOrganisationId | null;
};

const stateName: Localized = { sv: 'Statlig myndighet', en: 'State agency' };
/** A buyer not in the list; until 2026.12.3 its name stood in rules/overlays/other.yaml, and a stored rule set may still say it. */
const otherName: Localized = { sv: 'Annan organisation', en: 'Other organisation' };

const cache = new WeakMap<Ruleset, { list: Buyer[]; byId: Map<string, Buyer> }>();

function index(ruleset: Ruleset) {
  let entry = cache.get(ruleset);
  if (!entry) {
    const buyers = ruleset.buyers ?? { lan: [], kommuner: [], myndigheter: [] };
    const lanByCode = new Map(buyers.lan.map((l) => [l.code, l]));
    const list: Buyer[] = [
      ...buyers.kommuner.map((k): Buyer => {
        const lan = lanByCode.get(k.lan)!;
        return {
          id: k.organisation ?? `kommun-${k.code}`,
          name: k.name,
          kind: 'kommun',
          code: k.code,
          lan: { code: lan.code, name: lan.name },
          authorityKind: 'municipal',
          overlay: k.organisation ?? null,
        };
      }),
      ...buyers.lan.map((l): Buyer => ({
        id: l.organisation ?? `region-${l.code}`,
        name: l.region,
        kind: 'region',
        code: l.code,
        lan: { code: l.code, name: l.name },
        authorityKind: 'municipal',
        overlay: l.organisation ?? null,
      })),
      // A rule set stored before rules/buyers/ existed knows its organisations by their policies alone.
      ...organisationIds
        .filter((org) => org !== 'other' && !buyers.kommuner.some((k) => k.organisation === org) && !buyers.lan.some((l) => l.organisation === org))
        .flatMap((org): Buyer[] => {
          const overlay = ruleset.overlays?.[org];
          if (!overlay) return [];
          const kind: BuyerKind = overlay.kind === 'region' ? 'region' : 'kommun';
          return [{ id: org, name: overlay.name, kind, code: null, lan: null, authorityKind: 'municipal', overlay: org }];
        }),
      ...(buyers.myndigheter ?? []).map((m): Buyer => ({
        id: m.id as OrganisationId,
        name: m.name,
        kind: 'state',
        code: null,
        lan: null,
        authorityKind: 'state',
        overlay: null,
      })),
      { id: 'state', name: stateName.sv, kind: 'state', code: null, lan: null, authorityKind: 'state', overlay: null },
      { id: 'other', name: ruleset.overlays?.other?.name ?? otherName.sv, kind: 'other', code: null, lan: null, authorityKind: null, overlay: 'other' },
    ];
    const byId = new Map(list.map((b) => [b.id, b]));
    // A seed organisation is also its SCB code (Motala kommun is kommun-0583 too): the same buyer, under its own id.
    for (const b of list) if (b.overlay !== null && b.code !== null && (b.kind === 'kommun' || b.kind === 'region')) byId.set(`${b.kind}-${b.code}`, b);
    entry = { list, byId };
    cache.set(ruleset, entry);
  }
  return entry;
}

/** Every buyer a procurer can choose: the 290 kommuner, the 21 regions, a state agency and `other`. */
export const listBuyers = (ruleset: Ruleset): readonly Buyer[] => index(ruleset).list;

/** The buyer an organisation answer names, or undefined where no kommun or region has that code. */
export const findBuyer = (ruleset: Ruleset, id: string): Buyer | undefined => index(ruleset).byId.get(id);

/**
 * The id under which a buyer is judged, stored and counted: a seed organisation's own id for its SCB code
 * (kommun-0583 → motala), so that its policy binds and the register finds it under one name; any other id as given.
 */
export const canonicalOrganisation = (ruleset: Ruleset, id: string): string => findBuyer(ruleset, id)?.id ?? id;

/** The buyer's name in the reader's language (only a state agency's and "other"'s differ). */
export const buyerName = (ruleset: Ruleset, id: string, lang: keyof Localized = 'sv'): string => {
  if (id === 'state') return stateName[lang];
  if (id === 'other') return otherName[lang];
  return findBuyer(ruleset, id)?.name ?? id;
};
