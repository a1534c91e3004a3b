import { z } from 'zod/mini';
import { organisationSchema } from '../engine/answers-schema';
import { orgNumberCheckProblem, orgNumberDigits, orgNumberFormatProblem, orgNumberProblem } from '../engine/org-number';
import type { Localized } from '../engine/ruleset-schema';
import type { FieldValues } from './wizard-machine';
import { fieldKinds, type FieldKind } from './field-kinds';
import { readAmount, readPercent, readYears } from './swedish-number';
import { isRealDate } from './date-input';
import { textProblem, textProblemMessage, type TextProblem } from '../shared/text-check';

export { parseNumber } from './swedish-number';

/** Error messages by key: Swedish first, shown at the field. */
export const errorMessages: Record<string, Localized> = {
  required: { sv: 'Välj ett alternativ.', en: 'Choose an option.' },
  date: { sv: 'Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-11-22.', en: 'Give a date as YYYY-MM-DD, e.g. 2026-11-22.' },
  dateNotReal: { sv: 'Datumet finns inte i kalendern. Kontrollera månaden (01–12) och dagen: ÅÅÅÅ-MM-DD.', en: 'There is no such date on the calendar. Check the month (01–12) and the day: YYYY-MM-DD.' },
  dateTooEarly: { sv: 'Regelverket kan bara bedöma beslut från och med {earliest}.', en: 'The rule set can only judge decisions from {earliest}.' },
  dateTooLate: { sv: 'Regelverket kan bara bedöma beslut till och med {latest}: alla gränsvärden är inte kända längre fram.', en: 'The rule set can only judge decisions up to {latest}: not every limit is known beyond it.' },
  sek: { sv: 'Ange ett belopp i kronor med siffror, till exempel 150 000.', en: 'Give an amount in kronor in digits, e.g. 150 000.' },
  // Shown only until the question with the number ("Menade du 225 000 kr?", number-suggestion.ts) has loaded.
  sekUnsure: { sv: 'Beloppet kan läsas på två sätt. Skriv tusental med mellanslag, till exempel 225 000, och decimaler med komma.', en: 'The amount can be read two ways. Write thousands with spaces, e.g. 225 000, and decimals with a comma.' },
  percentUnsure: { sv: 'Menade du en andel i procent? Skriv till exempel 40 för 40 %, eller 0,4 % om du menar 0,4 procent.', en: 'Did you mean a share in per cent? Write e.g. 40 for 40 %, or 0,4 % if you mean 0.4 per cent.' },
  sekRequired: { sv: 'Ange värdet i kronor, till exempel 150 000.', en: 'Give the value in kronor, e.g. 150 000.' },
  years: { sv: 'Ange avtalstiden i år: ett tal större än 0 och högst 50, till exempel 1 eller 2,5.', en: 'Give the term in years: a number above 0 and at most 50, e.g. 1 or 2.5.' },
  percent: { sv: 'Ange en andel mellan 0 och 100 procent, till exempel 40.', en: 'Give a share between 0 and 100 per cent, e.g. 40.' },
  cpv: { sv: 'Ange en CPV-kod med åtta siffror och kontrollsiffra, till exempel 90910000-9.', en: 'Give a CPV code of eight digits and a check digit, e.g. 90910000-9.' },
  tooLong: { sv: 'Texten är för lång.', en: 'The text is too long.' },
  // The engine's own words for a bad organisation number (src/engine/org-number.ts), at the field.
  orgNumber: orgNumberFormatProblem,
  orgNumberCheck: orgNumberCheckProblem,
};

/**
 * Typed text goes into the decision document: the one text check (src/shared/text-check.ts) refuses control,
 * bidirectional and invisible characters and what the PDF cannot print. The message carries the problem, so the
 * field can say which character and where, in the reader's language (textFieldMessage).
 */
const typedText = z.refine<string>((v) => textProblem(v, { printable: true }) === null, {
  error: (issue) => `${textMessagePrefix}${JSON.stringify(textProblem(String(issue.input), { printable: true }))}`,
});
const textMessagePrefix = 'text:';

/** The words for a form error that carries a text problem, or null for any other error key. */
export function textFieldMessage(key: string, lang: 'sv' | 'en'): string | null {
  if (!key.startsWith(textMessagePrefix)) return null;
  const problem = JSON.parse(key.slice(textMessagePrefix.length)) as TextProblem | null;
  return problem ? typedTextMessage(problem, lang) : null;
}

/** "Texten innehåller …": the one text check's words at a field of the guide. */
export function typedTextMessage(problem: TextProblem, lang: 'sv' | 'en'): string {
  return `${lang === 'sv' ? 'Texten' : 'The text'} ${textProblemMessage(problem, lang)}${lang === 'en' ? '.' : ''}`;
}

export type FormValues = Record<string, string | Record<string, string>>;

function kindSchema(kind: FieldKind, path: string, earliestDate: string, latestDate: string | null): z.ZodMiniType<string> {
  const text = z.string();
  switch (kind) {
    case 'organisation':
      return text.check(z.refine((v) => organisationSchema.safeParse(v).success, { message: 'required' }));
    case 'date':
      return text.check(
        z.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), { message: 'date' }),
        z.refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isRealDate(v), { message: 'dateNotReal' }),
        z.refine((v) => !isRealDate(v) || v >= earliestDate, { message: 'dateTooEarly' }),
        z.refine((v) => !isRealDate(v) || latestDate === null || v <= latestDate, { message: 'dateTooLate' }),
      );
    case 'text':
      return text.check(z.maxLength(300, { message: 'tooLong' }), typedText);
    case 'longtext':
      return text.check(z.maxLength(2000, { message: 'tooLong' }), typedText);
    case 'cpv':
      return text.check(z.refine((v) => v.trim() === '' || /^\d{8}(-\d)?$/.test(v.trim()), { message: 'cpv' }));
    case 'orgnumber':
      return text.check(
        z.refine((v) => v.trim() === '' || orgNumberDigits(v) !== null, { message: 'orgNumber' }),
        z.refine((v) => orgNumberDigits(v) === null || orgNumberProblem(v) === null, { message: 'orgNumberCheck' }),
      );
    case 'enum':
      return path === 'purchase.kind' || path === 'supplier.kind' ? text.check(z.minLength(1, { message: 'required' })) : text;
    case 'boolean':
      return text;
    case 'sek':
      return amountSchema(path === 'value.annualSek');
    case 'years':
      return text.check(
        z.refine((v) => {
          const r = readYears(v);
          return r.status === 'ok' && r.value > 0 && r.value <= 50;
        }, { message: 'years' }),
      );
    case 'percent':
      // An unsure share ("0,4") is asked about at the field (percentUnsure) instead of read as 0,4 %.
      return text.check(
        z.refine((v) => readPercent(v).status !== 'unsure', { message: 'percentUnsure' }),
        z.refine((v) => {
          const r = readPercent(v);
          return r.status === 'empty' || r.status === 'unsure' || (r.status === 'ok' && r.value >= 0 && r.value <= 100);
        }, { message: 'percent' }),
      );
  }
}

/** A sum in kronor; an unsure one ("225.000") is asked about at the field (sekUnsure) instead of read in silence. */
export function amountSchema(required: boolean): z.ZodMiniType<string> {
  return z.string().check(
    z.refine((v) => readAmount(v).status !== 'unsure', { message: 'sekUnsure' }),
    z.refine((v) => {
      const r = readAmount(v);
      if (r.status === 'empty') return !required;
      return r.status === 'unsure' || (r.status === 'ok' && r.value >= 0);
    }, { message: required ? 'sekRequired' : 'sek' }),
  );
}

/** The zod schema of one step's form: one string per question on screen, nested like the answers. */
export function stepFormSchema(fields: readonly string[], earliestDate: string, latestDate: string | null = null) {
  const sections: Record<string, Record<string, z.ZodMiniType<string>>> = {};
  const top: Record<string, z.ZodMiniType<string>> = {};
  for (const path of fields) {
    const kind = fieldKinds[path];
    if (!kind || path === 'value.totalSek') continue;
    const [head, leaf] = path.split('.') as [string, string | undefined];
    if (leaf === undefined) top[head] = kindSchema(kind, path, earliestDate, latestDate);
    else (sections[head] ??= {})[leaf] = kindSchema(kind, path, earliestDate, latestDate);
  }
  const shape: Record<string, z.ZodMiniType> = { ...top };
  for (const [head, leaves] of Object.entries(sections)) shape[head] = z.object(leaves);
  return z.object(shape);
}

/** A form string as the answer it stands for; undefined for "no answer". */
export function toAnswer(kind: FieldKind, text: string): unknown {
  const v = text.trim();
  if (v === '') return undefined;
  switch (kind) {
    case 'boolean':
      return v === 'yes' ? true : v === 'no' ? false : undefined;
    case 'sek': {
      const r = readAmount(v);
      return r.status === 'ok' ? r.value : undefined;
    }
    case 'years': {
      const r = readYears(v);
      return r.status === 'ok' ? r.value : undefined;
    }
    case 'percent': {
      const r = readPercent(v);
      return r.status === 'ok' ? Math.round(r.value * 10) / 1000 : undefined;
    }
    default:
      return v;
  }
}

/** An answer as the form shows it. */
export function toText(kind: FieldKind, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (kind === 'boolean') return value === true ? 'yes' : value === false ? 'no' : '';
  if (kind === 'percent' && typeof value === 'number') return String(Math.round(value * 1000) / 10).replace('.', ',');
  if (typeof value === 'number') return String(value).replace('.', ',');
  return String(value);
}

export function readForm(values: FormValues, path: string): string {
  const [head, leaf] = path.split('.') as [string, string | undefined];
  const node = values[head];
  if (leaf === undefined) return typeof node === 'string' ? node : '';
  return typeof node === 'object' && node !== null ? (node[leaf] ?? '') : '';
}

/** The answers a form holds, for the given questions; with `onlyValid`, questions with errors are left out. */
export function formToAnswers(values: FormValues, fields: readonly string[], invalid: ReadonlySet<string> = new Set()): FieldValues {
  const out: Record<string, unknown> = {};
  for (const path of fields) {
    const kind = fieldKinds[path];
    if (!kind || invalid.has(path) || path === 'value.totalSek') continue;
    out[path] = toAnswer(kind, readForm(values, path));
  }
  return out;
}

/** The value helper (LOU 5 kap.): yearly value × years + options + similar purchases within 12 months. */
export function totalValue(parts: { annualSek?: number | undefined; years?: number | undefined; optionsSek?: number | undefined; similarPurchasesSek?: number | undefined }): number | undefined {
  if (parts.annualSek === undefined) return undefined;
  return Math.round(parts.annualSek * (parts.years ?? 1) + (parts.optionsSek ?? 0) + (parts.similarPurchasesSek ?? 0));
}
