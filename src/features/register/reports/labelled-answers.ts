import type { Answers } from '../../../engine/answers-schema';
import { formatValue, type Lang } from '../../../engine/format';
import type { Ruleset } from '../../../engine/ruleset';
import type { Localized } from '../../../engine/ruleset-schema';
import { fieldLabel } from '../../../guide/decision';
import { fieldKinds } from '../../../guide/field-kinds';
import { buyerName } from '../../../engine/buyers';

export type LabelledAnswer = { path: string; label: Localized; value: Localized };

/** Every stored answer by the question's label and in words ("450 000 kr", "ja", "ett socialt företag"), never as keys. */
export function labelledAnswers(ruleset: Ruleset, answers: Answers): LabelledAnswer[] {
  const rows: LabelledAnswer[] = [];
  const walk = (value: unknown, path: string) => {
    if (value === undefined || value === null || value === '') return;
    if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
      return;
    }
    rows.push({ path, label: fieldLabel(ruleset, path), value: { sv: shown(ruleset, path, value, 'sv'), en: shown(ruleset, path, value, 'en') } });
  };
  walk(answers, '');
  return rows;
}

function shown(ruleset: Ruleset, path: string, value: unknown, lang: Lang): string {
  if (path === 'organisation') return buyerName(ruleset, String(value), lang);
  const fact = ruleset.facts[path];
  const kind = fieldKinds[path];
  const unit = fact?.type ?? (kind === 'sek' || path.endsWith('Sek') ? 'sek' : kind === 'years' ? 'years' : kind === 'percent' ? 'share' : 'number');
  return formatValue(value, unit, lang, fact?.options);
}
