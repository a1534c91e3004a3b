import { answersSchema, type Answers } from './answers-schema';

export type AnswerProblem = { field: string; message: string };
export type ParsedAnswers = { ok: true; answers: Answers } | { ok: false; problems: AnswerProblem[] };

/** Validates untrusted answers (a file, a request body) and names each bad field by its dotted path. */
export function parseAnswers(input: unknown): ParsedAnswers {
  const result = answersSchema.safeParse(input);
  if (result.success) return { ok: true, answers: result.data };
  const problems = result.error.issues.flatMap((issue): AnswerProblem[] => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: 'is not a known answer' }));
    }
    return [{ field: base || '(the answers)', message: issue.message }];
  });
  return { ok: false, problems };
}
