import type { Localized } from '../engine/ruleset-schema';

/**
 * The guide's own questions: asked to get an answer right, kept in the draft (`draft.wizard`), never in the
 * answers the engine judges and the register records. Their texts are in field-kinds.ts (ownFieldTexts).
 */
export const guideOnlyQuestions = ['wizard.valueBasis', 'wizard.contractSek', 'wizard.hasSimilarPurchases', 'wizard.paymentBasis'] as const;

/** How a contract states its price: per year, or one sum for the whole term. */
export const valueBases = ['per-year', 'total'] as const;
export type ValueBasis = (typeof valueBases)[number];

export const valueBasisOptions: ReadonlyArray<{ value: ValueBasis; label: Localized }> = [
  { value: 'per-year', label: { sv: 'Per år', en: 'Per year' } },
  { value: 'total', label: { sv: 'Som en summa för hela avtalstiden', en: 'As one sum for the whole term' } },
];

/**
 * How the idéburen organisation is paid. Asked instead of the yes-or-no fact
 * `partnership.paymentForService`, which those who see their arrangement as a grant answer "no" even when the
 * authority pays per visitor: the choice maps to the fact, so the rules and every saved record stay as they are.
 */
export const paymentBases = ['grant', 'per-unit', 'specified-service'] as const;
export type PaymentBasis = (typeof paymentBases)[number];

export const paymentBasisOptions: ReadonlyArray<{ value: PaymentBasis; label: Localized }> = [
  { value: 'grant', label: { sv: 'Ett fast bidrag till organisationens egen verksamhet', en: "A fixed grant to the organisation's own activity" } },
  { value: 'per-unit', label: { sv: 'Per besökare, plats, timme eller deltagare', en: 'Per visitor, place, hour or participant' } },
  { value: 'specified-service', label: { sv: 'För en tjänst som myndigheten bestämmer och kan kräva', en: 'For a service the authority specifies and can enforce' } },
];

/**
 * The fact the IOP rules read. Payment per visitor, place, hour or participant is payment in exchange for a
 * service delivered, the first purchase indicator of rules/sources/iop-synthesis.yaml (purchase-indicators, a):
 * a mutually binding contract for pecuniary interest, even when only costs are met (C-113/13 Spezzino).
 */
export function paymentForService(basis: PaymentBasis | undefined): boolean | undefined {
  if (basis === undefined) return undefined;
  return basis !== 'grant';
}

/** The choice to show: the one made, or for a draft from before the question was asked, the one its fact implies. */
export function shownPaymentBasis(basis: PaymentBasis | undefined, fact: boolean | undefined): PaymentBasis | undefined {
  if (basis !== undefined && paymentForService(basis) === fact) return basis;
  return fact === true ? 'specified-service' : fact === false ? 'grant' : undefined;
}
