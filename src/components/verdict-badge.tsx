import type { ShownVerdict } from '../guide/recommendation-status';
import type { Verdict } from '../engine/ruleset-schema';

/** Each verdict in words, as every view names it. */
export const verdictWords: Record<Verdict, { sv: string; en: string }> = {
  recommended: { sv: 'Rekommenderas', en: 'Recommended' },
  allowed: { sv: 'Tillåten', en: 'Allowed' },
  'not-allowed': { sv: 'Inte tillåten', en: 'Not allowed' },
  'needs-info': { sv: 'Behöver fler svar', en: 'Needs more answers' },
};

export function verdictLabel(verdict: Verdict, lang: 'sv' | 'en'): string {
  return verdictWords[verdict][lang];
}

/** A verdict in words and colour (never colour alone), e.g. "Tillåten". */
export function VerdictBadge({ verdict, lang }: { verdict: Verdict; lang: 'sv' | 'en' }) {
  return <span className={`verdict verdict--${verdict}`}>{verdictWords[verdict][lang]}</span>;
}

export const preliminaryWords = { sv: 'Preliminärt', en: 'Preliminary' };

/** A verdict as shown while the recommendation may still change: "Preliminärt" rather than "Rekommenderas". */
export function ShownVerdictBadge({ verdict, lang }: { verdict: ShownVerdict; lang: 'sv' | 'en' }) {
  if (verdict !== 'preliminary') return <VerdictBadge verdict={verdict} lang={lang} />;
  return <span className="verdict verdict--preliminary">{preliminaryWords[lang]}</span>;
}
