import type { Lang } from '../engine/format';

/** Every fixed word of the decision document, shared by the printed page, the PDF and the Markdown. */
export const sheetWords: Record<Lang, {
  title: string;
  appendix: string;
  appendixNote: string;
  organisation: string;
  purchase: string;
  supplier: string;
  value: string;
  contractYears: string;
  chosen: string;
  recommendation: string;
  noOutcome: string;
  deviationReason: string;
  justification: string;
  ruleset: string;
  registerNumber: string;
  notSaved: string;
  savedBy: string;
  receipt: string;
  recordHash: string;
  decidedBy: string;
  legalGround: string;
  judgedBecause: string;
  receiptDetail: string;
  decisionDate: string;
  diarienummer: string;
  signature: string;
  nameClarification: string;
  position: string;
  placeAndDate: string;
  routes: string;
  why: string;
  whyNot: string;
  open: string;
  cautions: string;
  obligations: string;
  possibleObligations: string;
  policy: string;
  layers: string;
  lawLayer: string;
  sharedLayer: string;
  version: string;
  limits: string;
  noLimits: string;
  inForceFrom: string;
  answers: string;
  unasked: string;
  source: string;
  summary: string;
  printed: string;
  page: (n: number, of: number) => string;
  /** "Sida " and " av ": the words around the page counters in CSS. */
  pageParts: [string, string];
  fillIn: string;
  notGiven: string;
  perYear: string;
  options: string;
  similar: string;
  exVat: string;
  deviatesNotAllowed: string;
  deviatesNeedsInfo: string;
  deviatesFromRecommendation: string;
  disclaimer: string;
  roles: Record<string, string>;
}> = {
  sv: {
    title: 'Beslut om upphandlingsväg',
    appendix: 'Bilaga: skäl, källor och gränsvärden',
    appendixNote: 'Skälen för varje väg, källorna de bygger på och gränsvärdena som bedömningen läser finns i bilagan.',
    organisation: 'Organisation',
    purchase: 'Köp',
    supplier: 'Tilltänkt leverantör',
    value: 'Uppskattat värde',
    contractYears: 'Avtalstid med förlängningar',
    chosen: 'Vald väg',
    recommendation: 'Vägvals rekommendation',
    noOutcome: 'Ingen bedömning ännu: organisation och beslutsdatum saknas.',
    deviationReason: 'Skäl att avvika',
    justification: 'Motivering',
    ruleset: 'Regelverk',
    registerNumber: 'Nummer i beslutsregistret',
    notSaved: 'inte sparat i beslutsregistret',
    savedBy: 'Sparat av',
    receipt: 'Kvitto',
    recordHash: 'postens kontrollsumma',
    decidedBy: 'Beslutat av',
    legalGround: 'Rättslig grund för vald väg',
    judgedBecause: 'Varför Vägval bedömde vägen så',
    receiptDetail: 'Kvittots tekniska uppgifter',
    decisionDate: 'Beslutsdatum',
    diarienummer: 'Diarienummer',
    signature: 'Underskrift',
    nameClarification: 'Namnförtydligande',
    position: 'Befattning',
    placeAndDate: 'Ort och datum',
    routes: 'Bedömning av varje väg',
    why: 'Varför',
    whyNot: 'Varför inte',
    open: 'Inte avgjort ännu',
    cautions: 'Se upp',
    obligations: 'Skyldigheter',
    possibleObligations: 'Kan också gälla, beroende på svar som saknas',
    policy: 'Organisationens riktlinjer',
    layers: 'Tillämpade regler och riktlinjer, nedifrån',
    lawLayer: 'Lagen (LOU) och dess förarbeten, vägledning och praxis – avgör vilka vägar som är tillåtna',
    sharedLayer: 'gemensam',
    version: 'version',
    limits: 'Gränsvärden som bedömningen bygger på',
    noLimits: 'Inget gränsvärde avgör bedömningen av detta köp.',
    inForceFrom: 'gäller från',
    answers: 'Svar',
    unasked: 'Svar som gavs men inte längre behövdes för bedömningen',
    source: 'Källa',
    summary: 'Sammanfattning',
    printed: 'Utskrivet',
    page: (n, of) => `Sida ${n} av ${of}`,
    pageParts: ['Sida ', ' av '],
    fillIn: 'fylls i för hand',
    notGiven: '–',
    perYear: 'per år',
    options: 'optioner',
    similar: 'liknande köp inom tolv månader',
    exVat: ' exklusive moms',
    deviatesNotAllowed: 'Avviker: vald väg bedömd som inte tillåten',
    deviatesNeedsInfo: 'Avviker: vald väg är inte avgjord, svar saknas',
    deviatesFromRecommendation: 'Avviker från rekommendationen: vald väg är tillåten men inte den rekommenderade',
    disclaimer: 'Vägval ger stöd, inte juridisk rådgivning. Beslutet fattas och dokumenteras av den upphandlande organisationen.',
    roles: { procurer: 'upphandlare', auditor: 'revisor', admin: 'administratör' },
  },
  en: {
    title: 'Decision on the procurement route',
    appendix: 'Appendix: reasons, sources and limits',
    appendixNote: 'The reasons for each route, the sources they rest on and the limits the assessment reads are in the appendix.',
    organisation: 'Organisation',
    purchase: 'Purchase',
    supplier: 'Intended supplier',
    value: 'Estimated value',
    contractYears: 'Contract term with extensions',
    chosen: 'Chosen route',
    recommendation: "Vägval's recommendation",
    noOutcome: 'No assessment yet: the organisation and the decision date are missing.',
    deviationReason: 'Reason for deviating',
    justification: 'Justification',
    ruleset: 'Rule set',
    registerNumber: 'Number in the decision register',
    notSaved: 'not saved in the decision register',
    savedBy: 'Saved by',
    receipt: 'Receipt',
    recordHash: 'record hash',
    decidedBy: 'Decided by',
    legalGround: 'Legal ground for the chosen route',
    judgedBecause: 'Why Vägval judged the route so',
    receiptDetail: "The receipt's technical details",
    decisionDate: 'Decision date',
    diarienummer: 'Diarienummer (reference number)',
    signature: 'Signature',
    nameClarification: 'Name in capitals',
    position: 'Position',
    placeAndDate: 'Place and date',
    routes: 'Assessment of each route',
    why: 'Why',
    whyNot: 'Why not',
    open: 'Not decided yet',
    cautions: 'Take care',
    obligations: 'Obligations',
    possibleObligations: 'May also apply, depending on missing answers',
    policy: "The organisation's guidelines",
    layers: 'Rules and guidelines applied, from the bottom',
    lawLayer: 'The law (LOU) and its preparatory works, guidance and case law – decides which routes are allowed',
    sharedLayer: 'shared',
    version: 'version',
    limits: 'Limits the assessment rests on',
    noLimits: 'No limit decides the assessment of this purchase.',
    inForceFrom: 'in force from',
    answers: 'Answers',
    unasked: 'Answers given that the assessment no longer needed',
    source: 'Source',
    summary: 'Summary',
    printed: 'Printed',
    page: (n, of) => `Page ${n} of ${of}`,
    pageParts: ['Page ', ' of '],
    fillIn: 'to be filled in by hand',
    notGiven: '–',
    perYear: 'per year',
    options: 'options',
    similar: 'similar purchases within twelve months',
    exVat: ' excluding VAT',
    deviatesNotAllowed: 'Deviates: the chosen route was judged not allowed',
    deviatesNeedsInfo: 'Deviates: the chosen route is not decided, answers are missing',
    deviatesFromRecommendation: 'Deviates from the recommendation: the chosen route is allowed but not the recommended one',
    disclaimer: 'Vägval gives support, not legal advice. The contracting organisation makes and documents the decision.',
    roles: { procurer: 'procurer', auditor: 'auditor', admin: 'administrator' },
  },
};
