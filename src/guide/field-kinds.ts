import type { Localized } from '../engine/ruleset-schema';

/** How a question is asked and read back; labels of rule facts come from rules/facts.yaml instead. */
export type FieldKind = 'organisation' | 'date' | 'text' | 'longtext' | 'cpv' | 'orgnumber' | 'enum' | 'boolean' | 'sek' | 'years' | 'percent';

export const fieldKinds: Record<string, FieldKind> = {
  organisation: 'organisation',
  decisionDate: 'date',
  authorityKind: 'enum',
  'purchase.description': 'longtext',
  'purchase.kind': 'enum',
  'purchase.cpvCode': 'cpv',
  'purchase.annex2Service': 'boolean',
  'purchase.welfareService': 'boolean',
  'purchase.welfareReservationCode': 'boolean',
  'purchase.ideaburenReservationCode': 'boolean',
  'contract.shelteredEmploymentProgramme': 'boolean',
  'value.annualSek': 'sek',
  'contract.years': 'years',
  'value.optionsSek': 'sek',
  'value.similarPurchasesSek': 'sek',
  'value.totalSek': 'sek',
  'supplier.name': 'text',
  'supplier.orgNumber': 'orgnumber',
  'supplier.kind': 'enum',
  'supplier.disadvantagedShare': 'percent',
  'supplier.mainPurposeIntegration': 'boolean',
  'supplier.publicServiceMission': 'boolean',
  'supplier.reinvestsProfits': 'boolean',
  'supplier.participatoryOwnership': 'boolean',
  'supplier.awardedSameServiceLast3Years': 'boolean',
  'supplier.ideaburenRegistered': 'boolean',
  'supplier.purposeLinkedToService': 'boolean',
  'supplier.noValueTransfers': 'boolean',
  'supplier.noPublicControl': 'boolean',
  'partnership.paymentForService': 'boolean',
  'partnership.ownInitiative': 'boolean',
  'partnership.ownContribution': 'boolean',
  'partnership.commonGoal': 'boolean',
  'partnership.commercialMarket': 'boolean',
};

type OwnFieldText = { label: Localized; help?: Localized };

/**
 * Labels and help for the questions no rule reads (the wizard's own, or the value helper's inputs); the `wizard.*`
 * ones are the guide's own questions, kept in the draft and never in the answers. Their plain lines and examples
 * are in own-field-explanations.ts, loaded after the first page.
 */
export const ownFieldTexts: Record<string, OwnFieldText> = {
  organisation: {
    label: { sv: 'Organisation', en: 'Organisation' },
    help: { sv: 'Alla 290 kommuner och 21 regioner finns med, och statliga myndigheter; där organisationens egen policy är inlagd visas den som noter vid varje väg, annars gäller lagen ensam.', en: 'All 290 municipalities and 21 regions are listed, and state agencies; where the organisation\'s own policy is loaded it is shown as notes on each route, otherwise the law alone applies.' },
  },
  decisionDate: {
    label: { sv: 'Beslutsdatum', en: 'Decision date' },
    help: { sv: 'Reglerna och gränsvärdena som gällde den dagen används.', en: 'The rules and limits in force on that day are used.' },
  },
  'purchase.description': {
    label: { sv: 'Beskrivning av köpet', en: 'Description of the purchase' },
    help: { sv: 'Fritext till beslutsunderlaget; påverkar inte bedömningen.', en: 'Free text for the decision document; it does not affect the assessment.' },
  },
  'purchase.cpvCode': {
    label: { sv: 'CPV-kod (om den är känd)', en: 'CPV code (if known)' },
    help: { sv: 'Åtta siffror och en kontrollsiffra, till exempel 90910000-9 för städning.', en: 'Eight digits and a check digit, e.g. 90910000-9 for cleaning.' },
  },
  'value.annualSek': {
    label: { sv: 'Värde per år exklusive moms (vid engångsköp: hela värdet)', en: 'Value per year excluding VAT (one-off purchase: the whole value)' },
  },
  'contract.years': {
    label: { sv: 'Avtalstid med förlängningar, i år', en: 'Contract term with extensions, in years' },
    help: { sv: 'Räkna med alla förlängningar som om de utnyttjas. Ett engångsköp är 1 år.', en: 'Count every extension as if used. A one-off purchase is 1 year.' },
  },
  'value.optionsSek': {
    label: { sv: 'Optioner exklusive moms', en: 'Options excluding VAT' },
    help: { sv: 'Det sammanlagda värdet av alla optioner, som om de utnyttjas.', en: 'The total value of all options, as if used.' },
  },
  'value.similarPurchasesSek': {
    label: { sv: 'Värdet av liknande köp inom 12 månader', en: 'Value of similar purchases within 12 months' },
  },
  'supplier.name': {
    label: { sv: 'Leverantörens namn (om det är känt)', en: "Supplier's name (if known)" },
  },
  'supplier.orgNumber': {
    label: { sv: 'Leverantörens organisationsnummer (om det är känt)', en: "Supplier's organisation number (if known)" },
  },
  'wizard.hasSimilarPurchases': {
    label: { sv: 'Har ni köpt, eller ska ni köpa, liknande varor eller tjänster under de föregående eller kommande tolv månaderna?', en: 'Have you bought, or will you buy, similar goods or services in the previous or coming twelve months?' },
  },
  'wizard.valueBasis': {
    label: { sv: 'Hur anges priset i avtalet eller offerten?', en: 'How is the price given in the contract or quote?' },
  },
  'wizard.contractSek': {
    label: { sv: 'Avtalets värde för hela avtalstiden exklusive moms, utan optioner', en: "The contract's value over the whole term excluding VAT, without options" },
  },
  'wizard.paymentBasis': {
    label: { sv: 'Hur får organisationen betalt?', en: 'How is the organisation paid?' },
  },
};
