import type { Localized } from '../engine/ruleset-schema';

/**
 * A decision date as typed, read one way for the guide, the workshop's what-if and the scenario builder:
 * YYYY-MM-DD, a day that exists on the calendar, and within the dates the rule set can judge
 * (src/engine/covered-dates.ts). The guide's date picker cannot produce 2026-02-30; a text field can, and the
 * engine would refuse it with a stack trace, so every text field reads dates through this.
 */
export type DateProblem = 'date' | 'dateNotReal' | 'dateTooEarly' | 'dateTooLate';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(text: string): boolean {
  if (!isoDate.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** What is wrong with a date, by the guide's message keys (form-schema.ts), or null when the rule set can judge it. */
export function dateProblem(text: string, covered: { from: string; to: string | null }): DateProblem | null {
  const v = text.trim();
  if (!isoDate.test(v)) return 'date';
  if (!isRealDate(v)) return 'dateNotReal';
  if (v < covered.from) return 'dateTooEarly';
  if (covered.to !== null && v > covered.to) return 'dateTooLate';
  return null;
}

/** A guide message with the rule set's first and last covered dates filled in. */
export function fillDateMessage(message: Localized, covered: { from: string; to: string | null }): Localized {
  const fill = (s: string) => s.replace('{earliest}', covered.from).replace('{latest}', covered.to ?? '');
  return { sv: fill(message.sv), en: fill(message.en) };
}
