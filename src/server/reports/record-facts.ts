import { evaluate } from '../../engine/evaluate';
import type { Outcome } from '../../engine/outcome';
import type { Ruleset } from '../../engine/ruleset';
import type { EvidenceStatus } from '../../engine/ruleset-schema';
import type { AuditRow } from '../../shared/audit-report';
import type { RecordContent } from '../../shared/decision-record';

/** The facts about one record that the exception reports filter on, before exceptions are assigned. */
export type RecordFacts = Omit<AuditRow, 'supersededBy' | 'exceptions' | 'related'> & {
  /** CPV group: the first three digits of the code (Commission Regulation 213/2008, the "group" level). */
  cpvGroup: string | null;
  /** The split-purchase groups match by organisation number and by name separately: one award may give only the name. */
  orgNumberKey: string | null;
  supplierNameKey: string | null;
  /** The value without the similar purchases the procurer already counted in, so a group never counts one twice. */
  ownValueSek: number | null;
  directAwardLimitSek: number | null;
};

/** The row an auditor reads, without the keys the reports match on. */
export function rowOf(f: RecordFacts): Omit<AuditRow, 'supersededBy' | 'exceptions' | 'related'> {
  const { cpvGroup: _g, orgNumberKey: _o, supplierNameKey: _n, ownValueSek: _v, directAwardLimitSek: _l, ...row } = f;
  return row;
}

const weak: EvidenceStatus[] = ['unverified', 'constructed'];
const dayMs = 86_400_000;

export const documentationLimitId = 'documentation-limit';
export const directAwardLimitId = 'direct-award-limit';

/** The value of a parameter in force on a date under a rule set, or null. */
export function parameterOn(ruleset: Ruleset, id: string, date: string) {
  return ruleset.parameters[id]?.values.filter((v) => v.from <= date).at(-1) ?? null;
}

function judged(ruleset: Ruleset | null, c: RecordContent): Outcome | null {
  try {
    return ruleset ? evaluate(ruleset, c.answers) : null;
  } catch {
    return null; // an answer set the rule set cannot judge: the trail and verify say why
  }
}

/** Organisation number as the digits only: "556012-5790" and "5560125790" are the same supplier. */
export const normaliseOrgNumber = (value: string) => value.replace(/\D/g, '');
/** A supplier name compared as an auditor would read it: case, spaces and "AB"/"ekonomisk förening" aside. */
export const normaliseSupplierName = (value: string) =>
  value
    .toLocaleLowerCase('sv-SE')
    .replace(/\b(ab|hb|kb|ek\.?\s*för\.?|ekonomisk förening|ideell förening)\b/g, '')
    .replace(/[^a-zåäö0-9]+/g, ' ')
    .trim();

/**
 * What an auditor reads off a record: chosen against recommended, the chosen route's verdict, the
 * documentation limit on the decision date, how late it was saved, and every deciding rule and
 * value of the chosen route whose source is unverified or constructed (from the stored rule set).
 */
export function recordFacts(id: number, c: RecordContent, ruleset: Ruleset | null): { facts: RecordFacts; outcome: Outcome | null } {
  const outcome = judged(ruleset, c);
  const weakBasis: RecordFacts['weakBasis'] = [];
  const chosen = outcome?.routes.find((r) => r.route === c.chosenRoute);
  if (chosen) {
    const seen = new Set<string>();
    for (const reason of chosen.reasons) {
      if (weak.includes(reason.status) && !seen.has(`rule:${reason.ruleId}`)) {
        seen.add(`rule:${reason.ruleId}`);
        weakBasis.push({ kind: 'rule', id: reason.ruleId, label: reason.title, status: reason.status });
      }
      for (const p of reason.parameters) {
        if (weak.includes(p.status) && !seen.has(`parameter:${p.id}`)) {
          seen.add(`parameter:${p.id}`);
          weakBasis.push({ kind: 'parameter', id: p.id, label: p.label, status: p.status });
        }
      }
    }
  }
  const supplier = c.answers.supplier as (NonNullable<RecordContent['answers']['supplier']> & { orgNumber?: string }) | undefined;
  const orgNumber = typeof supplier?.orgNumber === 'string' && supplier.orgNumber.trim() ? supplier.orgNumber.trim() : null;
  const name = supplier?.name?.trim() ? supplier.name.trim() : null;
  const cpv = c.answers.purchase?.cpvCode ?? null;
  const limit = ruleset ? parameterOn(ruleset, documentationLimitId, c.answers.decisionDate) : null;
  const directLimit = ruleset ? parameterOn(ruleset, directAwardLimitId, c.answers.decisionDate) : null;
  const total = c.answers.value?.totalSek;
  const recorded = c.recordedAt.slice(0, 10);
  const facts: RecordFacts = {
    id,
    organisation: c.answers.organisation,
    decisionDate: c.answers.decisionDate,
    recordedAt: c.recordedAt,
    rulesetVersion: c.rulesetVersion,
    chosenRoute: c.chosenRoute,
    recommendedRoute: c.recommendedRoute,
    chosenVerdict: c.verdicts[c.chosenRoute],
    deviates: c.recommendedRoute !== null && c.chosenRoute !== c.recommendedRoute,
    deviationReason: c.deviationReason,
    description: c.answers.purchase?.description?.trim() || null,
    supplierName: name,
    supplierOrgNumber: orgNumber,
    supplierKind: c.answers.supplier?.kind ?? 'unknown',
    cpvCode: cpv,
    totalSek: c.answers.value?.totalSek ?? null,
    documentationLimitSek: limit?.value ?? null,
    daysToRecord: Math.round((Date.parse(recorded) - Date.parse(c.answers.decisionDate)) / dayMs),
    weakBasis,
    corrects: c.corrects,
    cpvGroup: cpv ? cpv.slice(0, 3) : null,
    orgNumberKey: orgNumber ? normaliseOrgNumber(orgNumber) || null : null,
    supplierNameKey: name ? normaliseSupplierName(name) || null : null,
    ownValueSek: total === undefined ? null : Math.max(0, total - (c.answers.value?.similarPurchasesSek ?? 0)),
    directAwardLimitSek: directLimit?.value ?? null,
  };
  return { facts, outcome };
}
