import { textProblem, textProblemMessage } from './text-check';
import { z } from 'zod/mini';
import type { Localized } from '../engine/ruleset-schema';

/**
 * Who took the decision and the diarium's number for it, as the guide asks them, the register stores them and page 1
 * of the document prints them. Who saved the record is not necessarily who decided (a delegated decision is often
 * filed by someone else), so the decision maker is their own field, by name and by title. Both are optional: left
 * out, page 1 keeps its blank lines to fill in on paper.
 */

export const decisionMakerLimits = { name: 100, title: 100, diarienummer: 40 } as const;

/** One line of text: no line breaks or other control characters, which would break the diarium's field. */
const oneLine = /^[^\p{Cc}]*$/u;

export const decidedBySchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(decisionMakerLimits.name, `must be at most ${decisionMakerLimits.name} characters`), z.regex(oneLine, 'must be one line')),
  title: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(decisionMakerLimits.title, `must be at most ${decisionMakerLimits.title} characters`), z.regex(oneLine, 'must be one line')),
});
export type DecidedBy = z.infer<typeof decidedBySchema>;

export const diarienummerSchema = z.string().check(
  z.trim(),
  z.minLength(1, 'must not be empty'),
  z.maxLength(decisionMakerLimits.diarienummer, `must be at most ${decisionMakerLimits.diarienummer} characters`),
  z.regex(oneLine, 'must be one line'),
);

/** "Anna Svensson, upphandlingschef": the line page 1 prints after "Beslutat av". */
export function decidedByText(decidedBy: DecidedBy): string {
  return `${decidedBy.name}, ${decidedBy.title}`;
}

export type DecisionMakerField = 'decidedByName' | 'decidedByTitle' | 'diarienummer';
export type DecisionMakerInput = { decidedByName?: string | undefined; decidedByTitle?: string | undefined; diarienummer?: string | undefined };

const tooLong = (what: { sv: string; en: string }, max: number, length: number): Localized => ({
  sv: `${what.sv} får vara högst ${max} tecken – nu är det ${length}.`,
  en: `${what.en} may be at most ${max} characters – it is ${length} now.`,
});

function lineProblem(text: string, what: { sv: string; en: string }, max: number): Localized | undefined {
  const trimmed = text.trim();
  const typed = textProblem(trimmed, { printable: true });
  if (typed) return { sv: `${what.sv} ${textProblemMessage(typed, 'sv')}`, en: `${what.en} ${textProblemMessage(typed, 'en')}.` };
  if (!oneLine.test(trimmed)) return { sv: `${what.sv} ska stå på en rad, utan radbrytningar.`, en: `${what.en} must be on one line, without line breaks.` };
  if (trimmed.length > max) return tooLong(what, max, trimmed.length);
  return undefined;
}

/** What stops the decision maker or the diarienummer from being filed, by field, in the words shown at that field. */
export function decisionMakerProblems(input: DecisionMakerInput): Partial<Record<DecisionMakerField, Localized>> {
  const name = input.decidedByName?.trim() ?? '';
  const title = input.decidedByTitle?.trim() ?? '';
  const problems: Partial<Record<DecisionMakerField, Localized>> = {};
  const nameProblem = lineProblem(name, { sv: 'Namnet', en: 'The name' }, decisionMakerLimits.name);
  const titleProblem = lineProblem(title, { sv: 'Befattningen', en: 'The title' }, decisionMakerLimits.title);
  if (nameProblem) problems.decidedByName = nameProblem;
  else if (!name && title) problems.decidedByName = { sv: 'Skriv namnet på den som fattade beslutet, eller töm befattningen.', en: 'Write the name of the person who decided, or clear the title.' };
  if (titleProblem) problems.decidedByTitle = titleProblem;
  else if (name && !title) problems.decidedByTitle = { sv: 'Skriv beslutsfattarens befattning, t.ex. upphandlingschef eller socialnämndens ordförande.', en: "Write the decision maker's title, e.g. head of procurement." };
  const diarienummer = lineProblem(input.diarienummer ?? '', { sv: 'Diarienumret', en: 'The diarienummer' }, decisionMakerLimits.diarienummer);
  if (diarienummer) problems.diarienummer = diarienummer;
  return problems;
}

/** The decision maker and diarienummer as the register stores them: trimmed, and left out when not given or not valid. */
export function decisionMakerFields(input: DecisionMakerInput): { decidedBy?: DecidedBy; diarienummer?: string } {
  const problems = decisionMakerProblems(input);
  const name = input.decidedByName?.trim() ?? '';
  const title = input.decidedByTitle?.trim() ?? '';
  const diarienummer = input.diarienummer?.trim() ?? '';
  return {
    ...(name && title && !problems.decidedByName && !problems.decidedByTitle ? { decidedBy: { name, title } } : {}),
    ...(diarienummer && !problems.diarienummer ? { diarienummer } : {}),
  };
}
