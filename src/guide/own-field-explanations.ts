import type { FieldExplanation } from './field-explanation';

/**
 * The plain line and the example of each question no rule reads (rule facts have theirs in rules/facts.yaml).
 * Loaded after the guide's first page (use-own-explanations.ts), to keep its first load small.
 */
export const ownFieldExplanations: Record<string, FieldExplanation> = {
  organisation: {
    plain: { sv: 'Den kommun, region eller statliga myndighet som fattar beslutet och betalar.', en: 'The municipality, region or state agency that makes the decision and pays.' },
    example: { sv: 'Ljungby kommun köper städning till sina skolor: skriv Ljungby och välj Ljungby kommun.', en: 'Ljungby kommun buys cleaning for its schools: type Ljungby and choose Ljungby kommun.' },
  },
  decisionDate: {
    plain: { sv: 'Den dag beslutet om köpet fattas.', en: 'The day the decision on the purchase is made.' },
    example: { sv: 'Beslutet fattas i dag: låt dagens datum stå kvar.', en: 'The decision is made today: leave today’s date.' },
  },
  'purchase.description': {
    plain: { sv: 'Med egna ord: vad som köps, av vem och hur det betalas.', en: 'In your own words: what is bought, from whom and how it is paid.' },
    example: { sv: 'Städning av tre skolor i två år från ett arbetsintegrerande socialt företag, betalas per månad.', en: 'Cleaning of three schools for two years from a work-integration social enterprise, paid monthly.' },
  },
  'purchase.cpvCode': {
    plain: { sv: 'Koden i EU:s gemensamma klassificering av det som köps (CPV).', en: "The code of what is bought in the EU's common classification (CPV)." },
    example: { sv: '90910000-9 är städning, 85312000-9 är sociala tjänster utan boende.', en: '90910000-9 is cleaning, 85312000-9 is social work without accommodation.' },
  },
  'value.annualSek': {
    plain: { sv: 'Vad köpet beräknas kosta under ett år, utan moms.', en: 'What the purchase is estimated to cost in one year, excluding VAT.' },
    example: { sv: 'Städning för 18 750 kr i månaden: skriv 225 000.', en: 'Cleaning for SEK 18,750 a month: write 225 000.' },
  },
  'value.optionsSek': {
    plain: { sv: 'Det ni enligt avtalet kan välja att köpa till, räknat som om ni gör det.', en: 'What the contract lets you choose to buy on top, counted as if you do.' },
    example: { sv: 'En option på städning av en fjärde skola för 50 000 kr: skriv 50 000. Inga optioner: lämna tomt.', en: 'An option to clean a fourth school for SEK 50,000: write 50 000. No options: leave empty.' },
  },
  'value.similarPurchasesSek': {
    plain: { sv: 'Vad köp av samma slag kostar som ni har gjort de föregående tolv månaderna eller ska göra de kommande tolv.', en: 'What purchases of the same kind cost that you made in the previous twelve months or will make in the coming twelve.' },
    example: { sv: 'Ni köpte städning av en annan skola för 80 000 kr i våras: skriv 80 000.', en: 'You bought cleaning for another school for SEK 80,000 last spring: write 80 000.' },
  },
  'supplier.name': {
    plain: { sv: 'Vem ni tänker köpa av eller samarbeta med, om det är bestämt.', en: 'Whom you intend to buy from or work with, if that is settled.' },
    example: { sv: 'Föreningen Träffpunkten i Motala.', en: 'Föreningen Träffpunkten in Motala.' },
  },
  'supplier.orgNumber': {
    plain: { sv: 'Tio siffror från offerten eller fakturan. Med numret hittar Vägval samma leverantörs tidigare köp i beslutsregistret, även om namnet är skrivet på ett annat sätt.', en: "Ten digits from the quote or the invoice. With the number Vägval finds the same supplier's earlier purchases in the decision register, even where the name is written another way." },
    example: { sv: 'Skriv 556012-5790 eller 5560125790. Okänt: lämna tomt.', en: 'Write 556012-5790 or 5560125790. Not known: leave empty.' },
  },
  'wizard.hasSimilarPurchases': {
    plain: { sv: 'Köp av samma slag räknas ihop, så att ett köp inte delas upp för att hamna under en gräns.', en: 'Purchases of the same kind are added up, so that a purchase is not split to stay below a limit.' },
    example: { sv: 'Förvaltningen köpte städning av en annan skola i våras: ja.', en: 'The department bought cleaning for another school last spring: yes.' },
  },
  'wizard.valueBasis': {
    plain: { sv: 'Välj det sätt som priset står på, så räknar Vägval fram värdet för hela avtalstiden.', en: 'Choose the way the price is written, and Vägval works out the value over the whole term.' },
    example: { sv: '"225 000 kr per år" är per år; "450 000 kr för avtalsperioden" är en summa för hela avtalstiden.', en: '"SEK 225,000 a year" is per year; "SEK 450,000 for the contract period" is a sum for the whole term.' },
  },
  'wizard.contractSek': {
    plain: { sv: 'Summan för alla år tillsammans, med förlängningar men utan optioner och moms.', en: 'The sum for all years together, with extensions but without options and VAT.' },
    example: { sv: 'Städning för 450 000 kr under två år: skriv 450 000.', en: 'Cleaning for SEK 450,000 over two years: write 450 000.' },
  },
  'wizard.paymentBasis': {
    plain: { sv: 'Om pengarna är ett bidrag till organisationens egen verksamhet eller betalning för det den gör åt er.', en: "Whether the money is a grant to the organisation's own activity or payment for what it does for you." },
    example: { sv: '150 kr för varje besökare på träffpunkten: per besökare. 200 000 kr om året till föreningens verksamhet, vad den än gör: ett fast bidrag.', en: "SEK 150 for each visitor to the meeting place: per visitor. SEK 200,000 a year to the association's activity, whatever it does: a fixed grant." },
  },
};
