import { z } from 'zod';
import { routeIds, type Answers, type RouteId } from '../engine/answers-schema';
import type { Outcome } from '../engine/outcome';
import { parseAnswers, type AnswerProblem } from '../engine/parse-answers';
import { draftSchema } from '../guide/draft';
import { decisionTrailSchema } from '../shared/decision-trail';
import type { DecisionRecord } from '../shared/decision-record';
import type { SimilarCheck } from '../shared/similar-check';
import { recordedCheck } from '../guide/similar-purchases';
import { decidedByText, decisionMakerFields, decisionMakerLimits } from '../shared/decision-maker';
import { textProblemMessage, textProblemsIn } from '../shared/text-check';

/**
 * The one text check (src/shared/text-check.ts) over a whole input file: what was typed must be printable, and no
 * string may hold a control, bidirectional or invisible character, or U+FFFD where the file's bytes were not UTF-8.
 * The register's outcome and the guide's document are Vägval's own words and are held only to the first part.
 */
export function inputTextProblems(data: unknown): AnswerProblem[] {
  const { outcome, document, ...typed } = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : { value: data };
  return [...textProblemsIn(typed, { printable: true }), ...textProblemsIn({ outcome, document })].map((p) => ({ field: p.field, message: textProblemMessage(p.problem, 'en') }));
}

/** What the document is made from, whichever file it came in. */
export type DocumentInput = {
  answers: Answers;
  decision: { chosenRoute?: RouteId | undefined; justification?: string | undefined; deviationReason?: string | undefined; checked?: string[] | undefined };
  decidedBy?: string | undefined;
  diarienummer?: string | undefined;
  /** A saved record (from the register's GET /api/decisions/:id) and the outcome under its own rule set. */
  record?: DecisionRecord;
  outcome?: Outcome;
  /** The guide's similar-purchase check, where the file carries one (a guide's file or a record saved with it). */
  similarPurchases?: SimilarCheck | null;
};

export type ParsedDocumentInput = { ok: true; input: DocumentInput } | { ok: false; problems: AnswerProblem[] };

const decisionSchema = z.strictObject({
  chosenRoute: z.enum(routeIds).optional(),
  justification: z.string().max(10000).optional(),
  deviationReason: z.string().max(10000).optional(),
  decidedBy: z.string().max(300).optional(),
  diarienummer: z.string().max(decisionMakerLimits.diarienummer, `must be at most ${decisionMakerLimits.diarienummer} characters`).optional(),
});

/** For batch filing: the answers with the decision taken on them. */
const batchSchema = z.strictObject({ answers: z.unknown(), decision: decisionSchema.optional() });

const problemsOf = (error: { issues: readonly z.core.$ZodIssue[] }, prefix: string): AnswerProblem[] =>
  error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: 'is not a known field' }));
    return [{ field: base || '(the file)', message: issue.message }];
  });

function withPrefix(problems: AnswerProblem[], prefix: string): AnswerProblem[] {
  return problems.map((p) => ({ ...p, field: p.field.startsWith('(') ? prefix : `${prefix}.${p.field}` }));
}

/**
 * Reads any of the four files a document can be made from, naming each bad field by its dotted path:
 * the bare answers (as `npm run recommend` reads them); `{ answers, decision }` for batch filing; a file the guide
 * saved (`format: "vagval.decision"`); or a register record with its trail (`{ record, outcome }`).
 */
export function parseDocumentInput(data: unknown): ParsedDocumentInput {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, problems: [{ field: '(the file)', message: 'must be a JSON object' }] };
  const obj = data as Record<string, unknown>;
  const textProblems = inputTextProblems(data);
  if (textProblems.length > 0) return { ok: false, problems: textProblems };

  if ('format' in obj) {
    if (obj.format !== 'vagval.decision') return { ok: false, problems: [{ field: 'format', message: 'must be "vagval.decision" (a file the guide saved)' }] };
    const draft = draftSchema.safeParse(obj.draft);
    if (!draft.success) return { ok: false, problems: problemsOf(draft.error, 'draft') };
    const answers = parseAnswers(draft.data.answers);
    if (!answers.ok) return { ok: false, problems: withPrefix(answers.problems, 'draft.answers') };
    const { decidedBy, diarienummer } = decisionMakerFields(draft.data.decision);
    return { ok: true, input: { answers: answers.answers, decision: draft.data.decision, decidedBy: decidedBy ? decidedByText(decidedBy) : undefined, diarienummer, similarPurchases: recordedCheck(draft.data, answers.answers) } };
  }

  if ('record' in obj) {
    const trail = decisionTrailSchema.safeParse(data);
    if (!trail.success) return { ok: false, problems: problemsOf(trail.error, '') };
    const { record, outcome, outcomeProblem } = trail.data;
    if (!outcome) return { ok: false, problems: [{ field: 'outcome', message: `is missing: the register could not rebuild it (${outcomeProblem ?? 'no reason given'})` }] };
    return {
      ok: true,
      input: {
        answers: record.answers,
        decision: { chosenRoute: record.chosenRoute, justification: record.justification, deviationReason: record.deviationReason ?? undefined },
        decidedBy: record.decidedBy ? decidedByText(record.decidedBy) : undefined,
        diarienummer: record.diarienummer,
        record,
        outcome,
        ...(record.similarPurchases ? { similarPurchases: record.similarPurchases } : {}),
      },
    };
  }

  if ('answers' in obj) {
    const batch = batchSchema.safeParse(data);
    if (!batch.success) return { ok: false, problems: problemsOf(batch.error, '') };
    const answers = parseAnswers(batch.data.answers);
    if (!answers.ok) return { ok: false, problems: withPrefix(answers.problems, 'answers') };
    const { decidedBy, diarienummer, ...decision } = batch.data.decision ?? {};
    return { ok: true, input: { answers: answers.answers, decision, decidedBy, diarienummer } };
  }

  const answers = parseAnswers(data);
  if (!answers.ok) return { ok: false, problems: answers.problems };
  return { ok: true, input: { answers: answers.answers, decision: {} } };
}
