import type { Answers } from '../src/engine/answers-schema';
import { evaluate } from '../src/engine/evaluate';
import { loadRuleset } from '../src/engine/ruleset';
import { readRulesDir } from '../src/rules-data/read-rules-dir';
import { measure } from './measure';

// A spread of answer sets so that every route, date period and overlay is exercised.
const organisations = ['ljungby', 'motala', 'lekeberg', 'region-orebro', 'region-ostergotland', 'other'] as const;
const dates = ['2019-06-01', '2022-01-15', '2022-02-01', '2024-03-01', '2026-11-22'];
const suppliers: Answers['supplier'][] = [
  { kind: 'any' },
  { kind: 'social-enterprise', disadvantagedShare: 0.4, mainPurposeIntegration: true },
  { kind: 'ideaburen', ideaburenRegistered: true, purposeLinkedToService: true, publicServiceMission: true, reinvestsProfits: true, participatoryOwnership: true, awardedSameServiceLast3Years: false },
  {},
];

function answerSets(): Answers[] {
  const sets: Answers[] = [];
  let i = 0;
  for (const organisation of organisations) {
    for (const decisionDate of dates) {
      for (const supplier of suppliers) {
        i += 1;
        sets.push({
          organisation,
          decisionDate,
          purchase: { kind: i % 3 === 0 ? 'works' : 'services', annex2Service: i % 2 === 0, reservableServiceCode: i % 4 === 0 },
          value: { totalSek: (i * 137_000) % 9_000_000 },
          supplier,
          contract: { years: 1 + (i % 5) },
          partnership: { paymentForService: i % 5 === 0, ownInitiative: true, ownContribution: true, commonGoal: true, commercialMarket: false },
        });
      }
    }
  }
  return sets;
}


export async function run(): Promise<void> {
  const files = readRulesDir();
  let ruleset = loadRuleset(files);
  measure('load and validate rules/ (parse YAML, zod, cross-references, hash)', () => {
    ruleset = loadRuleset(files);
  }, 1000);

  const sets = answerSets();
  for (const answers of sets) evaluate(ruleset, answers); // warm-up
  const rounds = 200;
  const start = performance.now();
  for (let r = 0; r < rounds; r += 1) for (const answers of sets) evaluate(ruleset, answers);
  const ms = performance.now() - start;
  const n = rounds * sets.length;
  console.log(`evaluate whole rule set: ${n} answer sets in ${ms.toFixed(0)} ms`);
  console.log(`  ${Math.round(n / (ms / 1000)).toLocaleString('en')} answer sets per second, ${((ms / n) * 1000).toFixed(1)} µs per answer set`);
}
