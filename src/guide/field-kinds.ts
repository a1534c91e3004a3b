import type { Localized } from '../engine/ruleset-schema';

/** How a question is asked and read back; labels of rule facts come from rules/facts.yaml instead. */
export type FieldKind = 'organisation' | 'date' | 'text' | 'longtext' | 'cpv' | 'enum' | 'boolean' | 'sek' | 'years' | 'percent';

export const fieldKinds: Record<string, FieldKind> = {
  organisation: 'organisation',
  decisionDate: 'date',
  'purchase.description': 'longtext',
  'purchase.kind': 'enum',
  'purchase.cpvCode': 'cpv',
  'purchase.annex2Service': 'boolean',
  'purchase.welfareService': 'boolean',
  'purchase.reservableServiceCode': 'boolean',
  'value.annualSek': 'sek',
  'contract.years': 'years',
  'value.optionsSek': 'sek',
  'value.similarPurchasesSek': 'sek',
  'value.totalSek': 'sek',
  'supplier.name': 'text',
  'supplier.kind': 'enum',
  'supplier.disadvantagedShare': 'percent',
  'supplier.mainPurposeIntegration': 'boolean',
  'supplier.publicServiceMission': 'boolean',
  'supplier.reinvestsProfits': 'boolean',
  'supplier.participatoryOwnership': 'boolean',
  'supplier.awardedSameServiceLast3Years': 'boolean',
  'supplier.ideaburenRegistered': 'boolean',
  'supplier.purposeLinkedToService': 'boolean',
  'partnership.paymentForService': 'boolean',
  'partnership.ownInitiative': 'boolean',
  'partnership.ownContribution': 'boolean',
  'partnership.commonGoal': 'boolean',
  'partnership.commercialMarket': 'boolean',
};

type OwnFieldText = { label: Localized; help?: Localized; plain?: Localized; example?: Localized };

/**
 * Labels, help, the plain line and an example for the questions no rule reads (the wizard's own, or the value
 * helper's inputs); the `wizard.*` ones are the guide's own questions, kept in the draft and never in the answers.
 */
export const ownFieldTexts: Record<string, OwnFieldText> = {
  organisation: {
    label: { sv: 'Organisation', en: 'Organisation' },
    help: { sv: 'Den kommun eller region som köper. Dess policy visas som noter vid varje väg.', en: 'The municipality or region that buys. Its policy is shown as notes on each route.' },
    plain: { sv: 'Den kommun eller region som fattar beslutet och betalar.', en: 'The municipality or region that makes the decision and pays.' },
    example: { sv: 'Ljungby kommun köper städning till sina skolor: välj Ljungby kommun.', en: 'Ljungby kommun buys cleaning for its schools: choose Ljungby kommun.' },
  },
  decisionDate: {
    label: { sv: 'Beslutsdatum', en: 'Decision date' },
    help: { sv: 'Reglerna och gränsvärdena som gällde den dagen används.', en: 'The rules and limits in force on that day are used.' },
    plain: { sv: 'Den dag beslutet om köpet fattas.', en: 'The day the decision on the purchase is made.' },
    example: { sv: 'Beslutet fattas i dag: låt dagens datum stå kvar.', en: 'The decision is made today: leave today\'s date.' },
  },
  'purchase.description': {
    label: { sv: 'Beskrivning av köpet', en: 'Description of the purchase' },
    help: { sv: 'Fritext till beslutsunderlaget; påverkar inte bedömningen.', en: 'Free text for the decision document; it does not affect the assessment.' },
    plain: { sv: 'Med egna ord: vad som köps, av vem och hur det betalas.', en: 'In your own words: what is bought, from whom and how it is paid.' },
    example: { sv: 'Städning av tre skolor i två år från ett arbetsintegrerande socialt företag, betalas per månad.', en: 'Cleaning of three schools for two years from a work-integration social enterprise, paid monthly.' },
  },
  'purchase.cpvCode': {
    label: { sv: 'CPV-kod (om den är känd)', en: 'CPV code (if known)' },
    help: { sv: 'Åtta siffror och en kontrollsiffra, till exempel 90910000-9 för städning.', en: 'Eight digits and a check digit, e.g. 90910000-9 for cleaning.' },
    plain: { sv: 'Koden i EU:s gemensamma klassificering av det som köps (CPV).', en: "The code of what is bought in the EU's common classification (CPV)." },
    example: { sv: '90910000-9 är städning, 85312000-9 är sociala tjänster utan boende.', en: '90910000-9 is cleaning, 85312000-9 is social work without accommodation.' },
  },
  'value.annualSek': {
    label: { sv: 'Värde per år exklusive moms (vid engångsköp: hela värdet)', en: 'Value per year excluding VAT (one-off purchase: the whole value)' },
    plain: { sv: 'Vad köpet beräknas kosta under ett år, utan moms.', en: 'What the purchase is estimated to cost in one year, excluding VAT.' },
    example: { sv: 'Städning för 18 750 kr i månaden: skriv 225 000.', en: 'Cleaning for SEK 18,750 a month: write 225 000.' },
  },
  'contract.years': {
    label: { sv: 'Avtalstid med förlängningar, i år', en: 'Contract term with extensions, in years' },
    help: { sv: 'Räkna med alla förlängningar som om de utnyttjas. Ett engångsköp är 1 år.', en: 'Count every extension as if used. A one-off purchase is 1 year.' },
  },
  'value.optionsSek': {
    label: { sv: 'Optioner exklusive moms', en: 'Options excluding VAT' },
    help: { sv: 'Det sammanlagda värdet av alla optioner, som om de utnyttjas.', en: 'The total value of all options, as if used.' },
    plain: { sv: 'Det ni enligt avtalet kan välja att köpa till, räknat som om ni gör det.', en: 'What the contract lets you choose to buy on top, counted as if you do.' },
    example: { sv: 'En option på städning av en fjärde skola för 50 000 kr: skriv 50 000. Inga optioner: lämna tomt.', en: 'An option to clean a fourth school for SEK 50,000: write 50 000. No options: leave empty.' },
  },
  'value.similarPurchasesSek': {
    label: { sv: 'Värdet av liknande köp inom 12 månader', en: 'Value of similar purchases within 12 months' },
    plain: { sv: 'Vad köp av samma slag kostar som ni har gjort de föregående tolv månaderna eller ska göra de kommande tolv.', en: 'What purchases of the same kind cost that you made in the previous twelve months or will make in the coming twelve.' },
    example: { sv: 'Ni köpte städning av en annan skola för 80 000 kr i våras: skriv 80 000.', en: 'You bought cleaning for another school for SEK 80,000 last spring: write 80 000.' },
  },
  'supplier.name': {
    label: { sv: 'Leverantörens namn (om det är känt)', en: "Supplier's name (if known)" },
    plain: { sv: 'Vem ni tänker köpa av eller samarbeta med, om det är bestämt.', en: 'Whom you intend to buy from or work with, if that is settled.' },
    example: { sv: 'Föreningen Träffpunkten i Motala.', en: 'Föreningen Träffpunkten in Motala.' },
  },
  'wizard.hasSimilarPurchases': {
    label: { sv: 'Har ni köpt, eller ska ni köpa, liknande varor eller tjänster under de föregående eller kommande tolv månaderna?', en: 'Have you bought, or will you buy, similar goods or services in the previous or coming twelve months?' },
    plain: { sv: 'Köp av samma slag räknas ihop, så att ett köp inte delas upp för att hamna under en gräns.', en: 'Purchases of the same kind are added up, so that a purchase is not split to stay below a limit.' },
    example: { sv: 'Förvaltningen köpte städning av en annan skola i våras: ja.', en: 'The department bought cleaning for another school last spring: yes.' },
  },
  'wizard.valueBasis': {
    label: { sv: 'Hur anges priset i avtalet eller offerten?', en: 'How is the price given in the contract or quote?' },
    plain: { sv: 'Välj det sätt som priset står på, så räknar Vägval fram värdet för hela avtalstiden.', en: 'Choose the way the price is written, and Vägval works out the value over the whole term.' },
    example: { sv: '"225 000 kr per år" är per år; "450 000 kr för avtalsperioden" är en summa för hela avtalstiden.', en: '"SEK 225,000 a year" is per year; "SEK 450,000 for the contract period" is a sum for the whole term.' },
  },
  'wizard.contractSek': {
    label: { sv: 'Avtalets värde för hela avtalstiden exklusive moms, utan optioner', en: "The contract's value over the whole term excluding VAT, without options" },
    plain: { sv: 'Summan för alla år tillsammans, med förlängningar men utan optioner och moms.', en: 'The sum for all years together, with extensions but without options and VAT.' },
    example: { sv: 'Städning för 450 000 kr under två år: skriv 450 000.', en: 'Cleaning for SEK 450,000 over two years: write 450 000.' },
  },
  'wizard.paymentBasis': {
    label: { sv: 'Hur får organisationen betalt?', en: 'How is the organisation paid?' },
    plain: { sv: 'Om pengarna är ett bidrag till organisationens egen verksamhet eller betalning för det den gör åt er.', en: "Whether the money is a grant to the organisation's own activity or payment for what it does for you." },
    example: { sv: '150 kr för varje besökare på träffpunkten: per besökare. 200 000 kr om året till föreningens verksamhet, vad den än gör: ett fast bidrag.', en: "SEK 150 for each visitor to the meeting place: per visitor. SEK 200,000 a year to the association's activity, whatever it does: a fixed grant." },
  },
};
