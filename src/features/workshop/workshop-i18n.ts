import { useMemo } from 'react';
import type { Localized } from '../../engine/ruleset-schema';
import { useI18n as useAppI18n } from '../../i18n/i18n';

/**
 * "300 000 kronor", "900 000 kr", "SEK 700,000", "30 %": joined by no-break spaces, so that no amount breaks
 * across lines on a projector or a printed sheet. The engine's own numbers group with a no-break space
 * already (src/engine/format.ts); stories, labels and the unit after a number do not.
 */
export function keepAmountsTogether(text: string): string {
  return text
    .replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u00a0')
    .replace(/(\d)[ \u00a0](kr|kronor|SEK|EUR|euro|procent|%)(?!\p{L})/gu, '$1\u00a0$2')
    .replace(/(SEK|EUR) (\d)/g, '$1\u00a0$2');
}

/** The app's i18n, with every text the workshop shows keeping its amounts on one line. */
export function useI18n() {
  const i18n = useAppI18n();
  return useMemo(() => ({ ...i18n, t: (text: Localized) => keepAmountsTogether(i18n.t(text)) }), [i18n]);
}
