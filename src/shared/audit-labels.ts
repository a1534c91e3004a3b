import type { ExceptionKind, RulesetDiffEntry } from './audit-report';

type Localized = { sv: string; en: string };

/** The exception reports' names, as an auditor would head a section of the audit report. */
export const exceptionNames: Record<ExceptionKind, Localized> = {
  deviation: { sv: 'Avviker från rekommendationen', en: 'Deviates from the recommendation' },
  'chosen-not-allowed': { sv: 'Vald väg bedömd som ej tillåten eller ofullständig', en: 'Chosen route judged not allowed or incomplete' },
  'above-documentation-limit': { sv: 'Direktupphandling vid eller över dokumentationsgränsen', en: 'Direct award at or above the documentation limit' },
  'late-documentation': { sv: 'Direktupphandling sparad mer än 30 dagar efter beslutet', en: 'Direct award saved more than 30 days after the decision' },
  'weak-basis': { sv: 'Bedömningen vilar på overifierad eller konstruerad regel eller värde', en: 'The verdict rests on an unverified or constructed rule or value' },
  'split-purchase': { sv: 'Möjlig uppdelad upphandling (samma leverantör eller CPV-grupp inom 12 månader)', en: 'Possible split purchase (same supplier or CPV group within 12 months)' },
};

/** Short legal pointers for each exception, shown under its heading. */
export const exceptionBasis: Record<ExceptionKind, Localized> = {
  deviation: { sv: 'Vald väg är en annan än den verktyget rekommenderade.', en: 'The chosen route differs from the one recommended.' },
  'chosen-not-allowed': { sv: 'Regelverket bedömde den valda vägen som inte tillåten, eller saknade svar för att bedöma den.', en: 'The rule set judged the chosen route not allowed, or lacked answers to judge it.' },
  'above-documentation-limit': { sv: 'Skälen ska dokumenteras (LOU 19 a kap. 11 §).', en: 'The reasons must be documented (LOU 19 a kap. 11 §).' },
  'late-documentation': { sv: 'Dokumentationen ska vara klar inom 30 dagar (prop. 2023/24:3, från 2024). Beslutsdatumet används som dag för kontraktet.', en: 'Documentation is due within 30 days (prop. 2023/24:3, from 2024). The decision date stands in for the contract date.' },
  'weak-basis': { sv: 'Minst en avgörande regel eller ett gränsvärde saknar bekräftad källa.', en: 'At least one deciding rule or limit lacks a confirmed source.' },
  'split-purchase': { sv: 'Liknande kontrakt inom 12 månader ska räknas samman (LOU 5 kap.).', en: 'Similar contracts within 12 months must be valued together (LOU 5 kap.).' },
};

export const verdictNames: Record<string, Localized> = {
  recommended: { sv: 'Rekommenderas', en: 'Recommended' },
  allowed: { sv: 'Tillåten', en: 'Allowed' },
  'not-allowed': { sv: 'Inte tillåten', en: 'Not allowed' },
  'needs-info': { sv: 'Behöver fler svar', en: 'Needs more answers' },
};

export const supplierKindLabels: Record<string, Localized> = {
  any: { sv: 'Annan leverantör', en: 'Other supplier' },
  'social-enterprise': { sv: 'Socialt företag', en: 'Social enterprise' },
  ideaburen: { sv: 'Idéburen organisation', en: 'Idéburen organisation' },
  unknown: { sv: 'Okänd', en: 'Unknown' },
};

export const evidenceNames: Record<string, Localized> = {
  verified: { sv: 'bekräftad', en: 'verified' },
  secondary: { sv: 'andrahandskälla', en: 'secondary source' },
  unverified: { sv: 'overifierad', en: 'unverified' },
  constructed: { sv: 'konstruerad', en: 'constructed' },
};

/** The parts of a rule set, as the comparison heads them. */
export const diffPartNames: Record<RulesetDiffEntry['part'], Localized> = {
  manifest: { sv: 'Regelverket', en: 'The rule set' },
  rules: { sv: 'Regler', en: 'Rules' },
  parameters: { sv: 'Gränsvärden och andra värden', en: 'Limits and other values' },
  sources: { sv: 'Källor', en: 'Sources' },
  facts: { sv: 'Frågor', en: 'Questions' },
  overlays: { sv: 'Organisationernas riktlinjer (format före 2026.12.3)', en: 'The organisations’ policies (format before 2026.12.3)' },
  layers: { sv: 'Köparnas lager (riktlinjer och policyer)', en: 'The buyers’ layers (guidelines and policies)' },
};

export const diffChangeNames: Record<RulesetDiffEntry['change'], Localized> = {
  added: { sv: 'tillagd', en: 'added' },
  removed: { sv: 'borttagen', en: 'removed' },
  changed: { sv: 'ändrad', en: 'changed' },
};
