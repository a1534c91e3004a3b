import { join } from 'node:path';
import { organisationIds, routeIds, supplierKinds, type Answers } from '../src/engine/answers-schema';
import { evaluate } from '../src/engine/evaluate';
import { nodeRuleset } from '../src/rules-data/node-ruleset';
import { verdictsOf } from '../src/engine/outcome';
import { rulesetData } from '../src/server/register-service';
import { PostgresDecisionStore } from '../src/server/store/postgres-store';
import { SqliteDecisionStore } from '../src/server/store/sqlite-store';
import type { DecisionStore } from '../src/server/store/decision-store';
import type { RecordContent } from '../src/shared/decision-record';

/**
 * The register benches' one seeding loop: `count` real, chained records in `dataDir`'s SQLite file,
 * drawn from 2,400 evaluated answer sets over four years (every organisation, route, supplier kind and
 * value band), appended 50,000 per transaction so that 1,000,000 records stay within memory.
 * With `databaseUrl` the records go to that PostgreSQL database instead, which is then analysed
 * as autovacuum would in time, so that the planner knows the columns' values from the start.
 */
export async function seedRecords(dataDir: string, count: number, databaseUrl?: string): Promise<void> {
  const ruleset = nodeRuleset();
  const templates = Array.from({ length: 2400 }, (_, i) => {
    const answers: Answers = {
      organisation: organisationIds[i % organisationIds.length]!,
      decisionDate: `${2023 + (i % 4)}-${String(1 + ((i >> 2) % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
      purchase: { kind: i % 3 === 0 ? 'goods' : 'services', annex2Service: i % 5 === 0, reservableServiceCode: i % 4 === 0 },
      value: { totalSek: 20_000 + ((i * 7919) % 60) * 50_000 },
      supplier: { kind: supplierKinds[i % supplierKinds.length]!, disadvantagedShare: (i % 10) / 10, mainPurposeIntegration: i % 2 === 0 },
      contract: { years: 1 + (i % 4) },
    };
    const outcome = evaluate(ruleset, answers);
    return { answers, verdicts: verdictsOf(outcome), recommended: outcome.recommendation.route };
  });
  const started = performance.now();
  const store: DecisionStore = databaseUrl ? await PostgresDecisionStore.open(databaseUrl) : new SqliteDecisionStore(join(dataDir, 'register.sqlite'));
  await store.saveRuleset(ruleset.hash, ruleset.version, rulesetData(ruleset));
  for (let from = 0; from < count; from += 50_000) {
    const contents: RecordContent[] = [];
    for (let i = from; i < Math.min(count, from + 50_000); i++) {
      const t = templates[i % templates.length]!;
      contents.push({
        answers: t.answers,
        rulesetVersion: ruleset.version,
        rulesetHash: ruleset.hash,
        verdicts: t.verdicts,
        recommendedRoute: t.recommended,
        chosenRoute: t.recommended ?? routeIds[i % routeIds.length]!,
        justification: `Beslut ${i}: vägen valdes efter rekommendationen.`,
        deviationReason: null,
        corrects: null,
        savedBy: { user: 'upphandlare', role: 'procurer' },
        recordedAt: new Date(Date.UTC(2026, 0, 1) + i * 30_000).toISOString(),
      });
    }
    await store.append(contents);
  }
  if (store instanceof PostgresDecisionStore) await store.analyze();
  await store.close();
  console.log(`seeded ${count} chained records${databaseUrl ? ' in PostgreSQL' : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
