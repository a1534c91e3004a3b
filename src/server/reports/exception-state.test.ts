import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exceptionKinds } from '../../shared/audit-report';
import { dayOf, ExceptionState } from './exception-state';
import { assignExceptions } from './exceptions';
import type { RecordFacts } from './record-facts';

/** A record as the index holds it: few organisations, suppliers and CPV groups, so that groups form and overlap. */
const factArb = fc.record({
  organisation: fc.constantFrom('lekeberg', 'motala'),
  day: fc.integer({ min: 0, max: 900 }),
  route: fc.constantFrom('direct-award', 'direct-award', 'direct-award', 'social-considerations'),
  supplier: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }),
  orgNumber: fc.option(fc.constantFrom('5560125790', '5561234567'), { nil: null }),
  cpv: fc.option(fc.constantFrom('501', '909'), { nil: null }),
  value: fc.integer({ min: 0, max: 8 }).map((n) => n * 100_000),
  limit: fc.option(fc.constantFrom(700_000, 615_312), { nil: null }),
  deviates: fc.boolean(),
  corrects: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
});
type Draw = ReturnType<typeof factArb.generate>['value'];

function factOf(id: number, d: Draw): RecordFacts {
  const date = new Date(Date.UTC(2024, 0, 1) + d.day * 86_400_000).toISOString().slice(0, 10);
  return {
    id,
    organisation: d.organisation as RecordFacts['organisation'],
    decisionDate: date,
    recordedAt: `${date}T10:00:00.000Z`,
    rulesetVersion: '2026.12.4',
    chosenRoute: d.route as RecordFacts['chosenRoute'],
    recommendedRoute: 'direct-award',
    chosenVerdict: 'allowed',
    deviates: d.deviates,
    deviationReason: null,
    description: 'Köp',
    supplierName: d.supplier,
    supplierOrgNumber: d.orgNumber,
    supplierKind: 'any',
    cpvCode: d.cpv ? `${d.cpv}00000-0` : null,
    totalSek: d.value,
    documentationLimitSek: 100_000,
    daysToRecord: 0,
    weakBasis: [],
    // A correction names an earlier record only.
    corrects: d.corrects !== null && d.corrects < id ? d.corrects : null,
    cpvGroup: d.cpv,
    orgNumberKey: d.orgNumber,
    supplierNameKey: d.supplier,
    ownValueSek: d.value,
    directAwardLimitSek: d.limit,
  };
}

describe('the exceptions kept up to date record by record', () => {
  it('are those worked out all at once over the current records, after every batch of appended records and corrections', () => {
    fc.assert(
      fc.property(fc.array(factArb, { minLength: 1, maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 20 }), (draws, batches) => {
        const facts = draws.map((d, i) => factOf(i + 1, d));
        const state = new ExceptionState();
        const correctedBy = new Map<number, number>();
        let taken = 0;
        for (const size of [...batches, facts.length]) {
          if (taken >= facts.length) break;
          const appended = facts.slice(taken, taken + size);
          taken += appended.length;
          for (const f of appended) if (f.corrects !== null) correctedBy.set(f.corrects, Math.max(f.id, correctedBy.get(f.corrects) ?? 0));
          state.update(appended.filter((f) => !correctedBy.has(f.id)), appended.flatMap((f) => (f.corrects !== null ? [f.corrects] : [])));
          const current = facts.slice(0, taken).filter((f) => !correctedBy.has(f.id));
          const whole = assignExceptions(current, (id) => correctedBy.get(id) ?? null);
          expect(state.rows).toEqual(whole.rows);
          expect(state.groups).toEqual(whole.groups);
          // The columns the reports filter on say what the rows say.
          const { organisation, day, kinds, organisations } = state.columns;
          whole.rows.forEach((r, i) => {
            expect(organisations[organisation[i]!]).toBe(r.organisation);
            expect(day[i]).toBe(dayOf(r.decisionDate));
            expect(kinds[i]).toBe(r.exceptions.reduce((m, k) => m | (1 << exceptionKinds.indexOf(k)), 0));
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
