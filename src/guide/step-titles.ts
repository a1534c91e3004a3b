import type { Localized } from '../engine/ruleset-schema';
import type { StepId } from './steps';

export const stepTitles: Record<StepId, Localized> = {
  organisation: { sv: 'Organisation och datum', en: 'Organisation and date' },
  purchase: { sv: 'Vad som köps', en: 'What is bought' },
  value: { sv: 'Värde', en: 'Value' },
  supplier: { sv: 'Leverantör', en: 'Supplier' },
  partnership: { sv: 'Partnerskap (IOP)', en: 'Partnership (IOP)' },
  review: { sv: 'Granska svaren', en: 'Review the answers' },
  recommendation: { sv: 'Rekommendation och beslut', en: 'Recommendation and decision' },
};
