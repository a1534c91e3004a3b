import { useEffect, useRef } from 'react';
import { checkCpvCode, deriveFromCpv, derivedAnswers } from '../../engine/cpv';
import type { Localized } from '../../engine/ruleset-schema';
import type { Ruleset } from '../../engine/ruleset';
import { fieldLabel } from '../../guide/decision';
import { fieldKinds } from '../../guide/field-kinds';
import { toText } from '../../guide/form-schema';
import { useI18n } from '../../i18n/i18n';

type Props = {
  ruleset: Ruleset;
  /** The code as typed. */
  code: string;
  decisionDate: string | undefined;
  /** The questions on screen, and what the form holds for each. */
  fields: readonly string[];
  formText: (path: string) => string;
  /** Sets a question's answer as the form writes it. */
  onUse: (answers: Array<{ path: string; text: string }>) => void;
  /** Told what is wrong with the code (a division CPV lacks, a wrong check digit), or null: the step refuses Nästa on it. */
  onProblem: (problem: Localized | null) => void;
};

/**
 * What the CPV code says: the kind of purchase and the list memberships from rules/cpv/, each with
 * the list heading quoted, offered as answers the procurer confirms with one button or overrides in the questions
 * below. An answer that contradicts the code is pointed out.
 */
export function CpvDerivation({ ruleset, code, decisionDate, fields, formText, onUse, onProblem }: Props) {
  const { t } = useI18n();
  const trimmed = code.trim();
  const wellFormed = /^\d{8}(-\d)?$/.test(trimmed);
  const problem = wellFormed ? (checkCpvCode(ruleset, trimmed)[0]?.text ?? null) : null;
  const derivation = wellFormed && !problem && decisionDate ? deriveFromCpv(ruleset, trimmed, decisionDate) : null;
  const answers = derivation ? derivedAnswers(derivation).filter((a) => fields.includes(a.path)) : [];
  const problemSv = problem?.sv ?? null;
  const problemEn = problem?.en ?? null;
  useEffect(() => {
    onProblem(problemSv === null ? null : { sv: problemSv, en: problemEn ?? problemSv });
  }, [problemSv, problemEn, onProblem]);
  // What the code answers fills the questions still unanswered, once per code: the procurer goes on without a click,
  // and an answer given (or changed after the fill) is never overwritten. The list above the questions says so.
  // When the code changes or is refused, what it filled and nobody changed since is taken back with it.
  const filled = useRef<{ eight: string; values: Array<{ path: string; text: string }> } | null>(null);
  const eight = /^\d{8}/.test(trimmed) ? trimmed.slice(0, 8) : null;
  const unanswered = answers.filter((a) => formText(a.path) === '');
  useEffect(() => {
    if (filled.current && (filled.current.eight !== eight || problem !== null)) {
      const untouched = filled.current.values.filter((v) => formText(v.path) === v.text);
      filled.current = null;
      if (untouched.length > 0) onUse(untouched.map((v) => ({ path: v.path, text: '' })));
      return;
    }
    if (!derivation || filled.current || eight === null) return;
    const values = unanswered.map((a) => ({ path: a.path, text: toText(fieldKinds[a.path]!, a.value) }));
    filled.current = { eight, values };
    if (values.length > 0) onUse(values);
  });
  // A code with a problem is refused at its field by the step (onProblem), not here.
  if (!derivation) return null;
  const unknown = derivation.memberships.filter((m) => m.value === null);
  const shown = (path: string, value: string | boolean) => {
    const fact = ruleset.facts[path];
    if (typeof value === 'boolean') return t(value ? { sv: 'ja', en: 'yes' } : { sv: 'nej', en: 'no' });
    const option = fact?.options?.find((o) => o.value === value);
    return option ? t(option.label) : value;
  };
  const conflicting = answers.filter((a) => {
    const text = formText(a.path);
    return text !== '' && text !== toText(fieldKinds[a.path]!, a.value);
  });
  return (
    <section className="cpv-derivation" aria-labelledby="cpv-derivation-title">
      <h3 id="cpv-derivation-title">{t({ sv: `Vad CPV-koden ${trimmed} säger`, en: `What the CPV code ${trimmed} says` })}</h3>
      {answers.length > 0 ? (
        <p className="field__hint">{t({ sv: 'Frågorna som koden besvarar är ifyllda från CPV-koden. Du kan ändra svaren nedan; ditt svar gäller.', en: 'The questions the code answers are filled in from the CPV code. You can change the answers below; your answer stands.' })}</p>
      ) : null}
      {answers.length > 0 ? (
        <ul>
          {answers.map((a) => (
            <li key={a.path}>
              <strong>{t(fieldLabel(ruleset, a.path))}:</strong> {shown(a.path, a.value)}
              {a.listedAs ? (
                <>
                  {' – '}
                  {t({ sv: 'står i listan som', en: 'listed as' })} {t(a.listedAs)}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {unknown.map((m) => (
        <p key={m.list} className="field__hint">
          {t(m.title)}:{' '}
          {m.listedAs
            ? t({ sv: `koden ligger under ${m.listedAs.sv}, men listan anger koder, inte grenar – svara själv.`, en: `the code falls under ${m.listedAs.en}, but the list names codes, not branches – answer yourself.` })
            : t({ sv: 'Vägval har inte kunnat läsa hela listan – svara själv.', en: 'Vägval could not read the whole list – answer yourself.' })}
        </p>
      ))}
      <p className="field__hint">{t({ sv: 'Listan över tjänster som får reserveras enligt 19 kap. 25 a § har inte kunnat läsas; den frågan besvarar du själv.', en: 'The list of services that may be reserved under 19 kap. 25 a § could not be read; you answer that question yourself.' })}</p>
      {conflicting.map((a) => (
        <p key={a.path} className="field__error">
          {t({ sv: `Ditt svar på "${t(fieldLabel(ruleset, a.path))}" stämmer inte med koden. Ditt svar gäller; kontrollera det.`, en: `Your answer to "${t(fieldLabel(ruleset, a.path))}" does not match the code. Your answer stands; check it.` })}
        </p>
      ))}
      {conflicting.length > 0 ? (
        <button type="button" className="button button--secondary cpv-derivation__use" onClick={() => onUse(answers.map((a) => ({ path: a.path, text: toText(fieldKinds[a.path]!, a.value) })))}>
          {t({ sv: 'Använd kodens svar', en: "Use the code's answers" })}
        </button>
      ) : null}
    </section>
  );
}
