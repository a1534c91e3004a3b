import { z } from 'zod/mini';
import { answersSchema, organisationIds, routeIds } from '../engine/answers-schema';

/**
 * The format of a workshop scenario in rules/scenarios/<id>.yaml: a realistic purchase with its story, the
 * answers the guide would be given, the answer key (each route's verdict), the teaching point and the sources
 * it rests on. The engine never reads scenarios; the workshop does, and a unit test checks every answer key
 * against the engine under the current rule set.
 */

const text = z.string().check(z.minLength(1));
export const localizedTextSchema = z.strictObject({ sv: text, en: text });

const idSchema = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by "-"'));

export const scenarioVerdicts = ['recommended', 'allowed', 'not-allowed', 'needs-info'] as const;

/** How hard a scenario is: introductory (one limit or rule), intermediate (two rules meet), advanced (a case that turns on a fine point). */
export const scenarioDifficulties = ['introductory', 'intermediate', 'advanced'] as const;

export const scenarioSchema = z.strictObject({
  id: idSchema,
  title: localizedTextSchema,
  /** The buying organisation; must equal `answers.organisation`. */
  organisation: z.enum(organisationIds),
  /** One line for the scenario library. */
  summary: localizedTextSchema,
  /** The story told to the group: what is bought, from whom, and why the question arises. */
  story: localizedTextSchema,
  /** The real case the scenario retells (the law brief's worked cases, §7), where there is one. */
  basedOn: z.optional(
    z.strictObject({
      text: localizedTextSchema,
      url: z.optional(z.url()),
    }),
  ),
  /** The answers the guide is given: the same contract as the engine's (src/engine/answers-schema.ts). */
  answers: answersSchema,
  /** The buyer calls it a partnership: the guide then asks the IOP questions whoever the partner is. */
  partnershipIntended: z.optional(z.boolean()),
  /** The answer key: each route's verdict under the current rule set. */
  answerKey: z.record(z.enum(routeIds), z.enum(scenarioVerdicts)),
  /** What the group should take home. */
  teachingPoint: localizedTextSchema,
  /** Questions for the trainer to put to the group. */
  discussion: z.optional(z.array(localizedTextSchema)),
  /** Suggested what-ifs: one answer changed (fact path → new value), each changing at least one verdict. */
  whatIfs: z.optional(
    z.array(
      z.strictObject({
        label: localizedTextSchema,
        set: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
      }),
    ),
  ),
  /** What the scenario teaches, in one sentence for the library card. */
  teaches: localizedTextSchema,
  /** The minutes a session on it takes (the 30-minute plan, shorter for a one-limit case). */
  minutes: z.int().check(z.minimum(10, 'must be at least 10 minutes'), z.maximum(90, 'must be at most 90 minutes')),
  difficulty: z.enum(scenarioDifficulties),
  /** The rules/sources excerpts the scenario rests on. */
  sources: z.array(z.strictObject({ document: idSchema, excerpt: idSchema })).check(z.minLength(1)),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioVerdict = (typeof scenarioVerdicts)[number];
export type ScenarioDifficulty = (typeof scenarioDifficulties)[number];
