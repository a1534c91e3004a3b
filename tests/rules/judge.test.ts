import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers-schema';
import { evaluate, judge } from '../../src/engine/evaluate';
import { verdictsOf } from '../../src/engine/outcome';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { loadCases } from './rule-case';

// The register judges saves and stored records with `judge`, which writes no texts, so that saves stay fast. It must
// say exactly what `evaluate` says, and refuse exactly what `evaluate` refuses, or the register would file or
// flag a decision the guide judged otherwise.

const ruleset = nodeRuleset();
const { cases } = loadCases();

type Said = { verdicts: unknown; recommendedRoute: unknown } | { refused: string };

function evaluated(answers: Answers): Said {
  try {
    const outcome = evaluate(ruleset, answers);
    return { verdicts: verdictsOf(outcome), recommendedRoute: outcome.recommendation.route };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

function judged(answers: Answers): Said {
  try {
    return judge(ruleset, answers);
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

describe('judge, the register’s check of a decision', () => {
  it('gives every rule case the verdicts and the recommended route evaluate gives, and refuses the same ones', () => {
    expect(cases.length).toBeGreaterThan(40);
    for (const c of cases) expect(judged(c.answers), `${c.file} "${c.name}"`).toEqual(evaluated(c.answers));
  });

  it('agrees with evaluate for the rule cases’ answers at other values and dates, and with answers left out', () => {
    const dropped = ['value', 'supplier', 'purchase', 'contract', 'partnership', 'authorityKind'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...cases.map((c) => c.answers)),
        fc.integer({ min: 0, max: 60_000_000 }),
        fc.date({ min: new Date('2010-01-01'), max: new Date('2031-12-31'), noInvalidDate: true }),
        fc.subarray([...dropped]),
        (answers, totalSek, date, drop) => {
          const varied: Record<string, unknown> = { ...answers, decisionDate: date.toISOString().slice(0, 10), value: { ...answers.value, totalSek } };
          for (const key of drop) delete varied[key];
          const a = varied as Answers;
          expect(judged(a)).toEqual(evaluated(a));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
