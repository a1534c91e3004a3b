import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { routeIds, type Answers, type RouteId } from '../../src/engine/answers-schema';
import type { Outcome, RouteOutcome } from '../../src/engine/outcome';
import { parseAnswers } from '../../src/engine/parse-answers';
import type { Ruleset } from '../../src/engine/ruleset';
import { policyNoteIds } from '../../src/engine/layers';
import { verdicts } from '../../src/engine/ruleset-schema';

/**
 * Rule cases as data, like OpenFisca's YAML tests: each file in tests/rules/cases/ is a list of cases, each
 * with a name (a statement), the source it rests on, the answers, and what the engine must then say.
 * The schema is strict, so a misspelt key fails; ids that name nothing in the rule set fail too.
 */

export const casesDir = fileURLToPath(new URL('./cases', import.meta.url));

const ids = z.array(z.string().min(1)).min(1);

const routeExpectationSchema = z.strictObject({
  verdict: z.enum(verdicts),
  /** Rule ids among the route's reasons (the grounds and requirements that decide the verdict). */
  reasons: ids.optional(),
  notReasons: ids.optional(),
  /** Obligation ids that apply (held). */
  obligations: ids.optional(),
  /** Obligation ids that do not apply: neither held nor waiting for an answer. */
  notObligations: ids.optional(),
  /** Obligation ids that wait for a missing answer. */
  possibleObligations: ids.optional(),
  cautions: ids.optional(),
  notCautions: ids.optional(),
  /** Ids of the notes and bands of the buyer's layers shown on this route. */
  notes: ids.optional(),
  notNotes: ids.optional(),
  /** Answer paths the route names as missing. */
  missing: ids.optional(),
  /** Parameters whose unread figure the route names as deciding its needs-info verdict. */
  unreadFigures: ids.optional(),
});
export type RouteExpectation = z.infer<typeof routeExpectationSchema>;

const outcomeExpectationSchema = z.strictObject({
  'direct-award': routeExpectationSchema,
  'social-considerations': routeExpectationSchema,
  'reserved-contract': routeExpectationSchema,
  iop: routeExpectationSchema,
  /** The recommended route; null when none can be recommended yet. */
  recommended: z.enum(routeIds).nullable().optional(),
  /** Routes preferred before the recommended one that a missing answer could still open. */
  couldChange: z.array(z.enum(routeIds)).min(1).optional(),
  /** General notes (route `general`) of the buyer's layers. */
  notes: ids.optional(),
  notNotes: ids.optional(),
  /** Answer paths named as missing anywhere. */
  missing: ids.optional(),
  /** Parameter id → the value used on the decision date; null: the parameter is not read at all. */
  parameters: z.record(z.string(), z.number().nullable()).optional(),
  /** The value judged from its parts (LOU 5 kap.): the amount, which of the two it is, and words its Swedish text says. */
  valueJudged: z.strictObject({ sek: z.number(), basis: z.enum(['given', 'parts']), says: z.string().min(1).optional() }).optional(),
});
export type OutcomeExpectation = z.infer<typeof outcomeExpectationSchema>;

const errorExpectationSchema = z.strictObject({
  error: z.literal(true),
  /** Text the error message must contain. */
  message: z.string().min(1).optional(),
});

export const ruleCaseSchema = z.strictObject({
  name: z.string().min(20, 'a case is named by a statement of what it shows'),
  /** The source or section the expectation rests on. */
  why: z.string().min(1).optional(),
  answers: z.unknown(),
  expect: z.union([errorExpectationSchema, outcomeExpectationSchema]),
});

export type RuleCase = {
  file: string;
  name: string;
  why: string | undefined;
  answers: Answers;
  expect: z.infer<typeof errorExpectationSchema> | OutcomeExpectation;
};

export const isErrorExpectation = (e: RuleCase['expect']): e is z.infer<typeof errorExpectationSchema> => 'error' in e;

/** Reads and validates every case file; any problem names the file and the case. */
export function loadCases(dir = casesDir): { cases: RuleCase[]; problems: string[] } {
  const cases: RuleCase[] = [];
  const problems: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    let data: unknown;
    try {
      data = parseYaml(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const list = z.array(z.unknown()).min(1).safeParse(data);
    if (!list.success) {
      problems.push(`${file}: must be a list of cases`);
      continue;
    }
    list.data.forEach((raw, i) => {
      const parsed = ruleCaseSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push(`${file} case ${i + 1} at ${issue.path.join('.')}: ${issue.message}`);
        return;
      }
      const answers = parseAnswers(parsed.data.answers);
      if (!answers.ok) {
        for (const p of answers.problems) problems.push(`${file} "${parsed.data.name}" answers.${p.field}: ${p.message}`);
        return;
      }
      cases.push({ file, name: parsed.data.name, why: parsed.data.why, answers: answers.answers, expect: parsed.data.expect });
    });
  }
  return { cases, problems };
}

/** Ids in a case that name no rule, note, parameter or fact of the rule set (a typo in a case). */
export function unknownReferences(ruleset: Ruleset, c: RuleCase): string[] {
  if (isErrorExpectation(c.expect)) return [];
  const ruleIds = new Set(Object.values(ruleset.routes).flatMap((r) => r.rules.map((rule) => rule.id)));
  const noteIds = new Set(policyNoteIds(ruleset));
  const problems: string[] = [];
  const check = (list: string[] | undefined, known: Set<string> | Record<string, unknown>, what: string) => {
    for (const id of list ?? []) {
      const ok = known instanceof Set ? known.has(id) : id in known;
      if (!ok) problems.push(`names no ${what} "${id}"`);
    }
  };
  for (const route of routeIds) {
    const e = c.expect[route];
    for (const key of ['reasons', 'notReasons', 'obligations', 'notObligations', 'possibleObligations', 'cautions', 'notCautions'] as const) {
      check(e[key], ruleIds, 'rule');
      for (const id of e[key] ?? []) if (ruleIds.has(id) && !id.startsWith(`${route}.`)) problems.push(`lists rule "${id}" under ${route}`);
    }
    check(e.notes, noteIds, 'policy note');
    check(e.notNotes, noteIds, 'policy note');
    check(e.missing, ruleset.facts, 'fact');
    check(e.unreadFigures, ruleset.parameters, 'parameter');
  }
  check(c.expect.notes, noteIds, 'policy note');
  check(c.expect.notNotes, noteIds, 'policy note');
  check(c.expect.missing, ruleset.facts, 'fact');
  check(Object.keys(c.expect.parameters ?? {}), ruleset.parameters, 'parameter');
  return problems;
}

/** A case that contradicts itself: the recommended route must be the one route whose verdict is `recommended`. */
export function inconsistencies(c: RuleCase): string[] {
  if (isErrorExpectation(c.expect)) return [];
  const e = c.expect;
  const withVerdict = routeIds.filter((r) => e[r].verdict === 'recommended');
  const problems: string[] = [];
  if (withVerdict.length > 1) problems.push(`expects ${withVerdict.join(' and ')} both recommended`);
  if (e.recommended !== undefined && (e.recommended === null ? withVerdict.length > 0 : withVerdict[0] !== e.recommended)) {
    problems.push(`expects ${e.recommended ?? 'no route'} recommended, but the verdict recommended for ${withVerdict[0] ?? 'no route'}`);
  }
  for (const r of routeIds) {
    if (e[r].missing && e[r].verdict !== 'needs-info') problems.push(`names missing answers for ${r}, whose verdict is not needs-info`);
    if (e[r].unreadFigures && e[r].verdict !== 'needs-info') problems.push(`names unread figures for ${r}, whose verdict is not needs-info`);
  }
  return problems;
}

/** Every way the outcome differs from what the case expects, in words; empty when it matches. */
export function mismatches(outcome: Outcome, e: OutcomeExpectation): string[] {
  const found: string[] = [];
  const has = (what: string, actual: string[], wanted: string[] | undefined) => {
    for (const id of wanted ?? []) if (!actual.includes(id)) found.push(`${what} lacks ${id} (has: ${actual.join(', ') || 'none'})`);
  };
  const hasNot = (what: string, actual: string[], unwanted: string[] | undefined) => {
    for (const id of unwanted ?? []) if (actual.includes(id)) found.push(`${what} has ${id}, which it must not`);
  };
  const byRoute = new Map<RouteId, RouteOutcome>(outcome.routes.map((r) => [r.route, r]));
  for (const route of routeIds) {
    const r = byRoute.get(route)!;
    const want = e[route];
    if (r.verdict !== want.verdict) {
      found.push(`${route}: verdict is ${r.verdict}, expected ${want.verdict} (reasons: ${r.reasons.map((x) => `${x.ruleId} ${x.result}`).join(', ')})`);
    }
    const reasons = r.reasons.map((x) => x.ruleId);
    const obligations = r.obligations.map((x) => x.ruleId);
    const possible = r.possibleObligations.map((x) => x.ruleId);
    const cautions = r.cautions.map((x) => x.ruleId);
    const notes = r.policyNotes.map((n) => n.id);
    has(`${route} reasons`, reasons, want.reasons);
    hasNot(`${route} reasons`, reasons, want.notReasons);
    has(`${route} obligations`, obligations, want.obligations);
    hasNot(`${route} obligations`, [...obligations, ...possible], want.notObligations);
    has(`${route} possible obligations`, possible, want.possibleObligations);
    has(`${route} cautions`, cautions, want.cautions);
    hasNot(`${route} cautions`, cautions, want.notCautions);
    has(`${route} policy notes`, notes, want.notes);
    hasNot(`${route} policy notes`, notes, want.notNotes);
    has(`${route} missing answers`, r.missing, want.missing);
    has(`${route} unread figures`, r.unreadFigures.map((u) => u.parameter), want.unreadFigures);
  }
  if (e.recommended !== undefined && outcome.recommendation.route !== e.recommended) {
    found.push(`recommended route is ${outcome.recommendation.route}, expected ${e.recommended}`);
  }
  has('routes that could change the recommendation', outcome.recommendation.couldChange.map((c) => c.route), e.couldChange);
  const general = outcome.policyNotes.map((n) => n.id);
  has('general policy notes', general, e.notes);
  hasNot('general policy notes', general, e.notNotes);
  has('missing answers', outcome.missing, e.missing);
  for (const [id, value] of Object.entries(e.parameters ?? {})) {
    const used = outcome.parametersUsed.find((p) => p.id === id);
    if (value === null && used) found.push(`parameter ${id} is read (${used.value}), expected it not to be`);
    if (value !== null && !used) found.push(`parameter ${id} is not read, expected ${value}`);
    if (value !== null && used && used.value !== value) found.push(`parameter ${id} is ${used.value}, expected ${value}`);
  }
  if (e.valueJudged) {
    const counted = outcome.countedValues.find((c) => c.fact === 'value.totalSek');
    if (!counted) found.push(`no value is judged from parts, expected ${e.valueJudged.sek} (${e.valueJudged.basis})`);
    else {
      if (counted.judgedSek !== e.valueJudged.sek || counted.basis !== e.valueJudged.basis) {
        found.push(`value judged is ${counted.judgedSek} (${counted.basis}), expected ${e.valueJudged.sek} (${e.valueJudged.basis})`);
      }
      // Amounts are written with no-break spaces; a case is typed with plain ones.
      if (e.valueJudged.says && !counted.text.sv.replace(/[\u00a0\u202f]/g, ' ').includes(e.valueJudged.says)) found.push(`value text "${counted.text.sv}" does not say "${e.valueJudged.says}"`);
    }
  }
  return found;
}

/** The day before an ISO date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
