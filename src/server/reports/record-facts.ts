import { evaluate } from '../../engine/evaluate';
import type { Outcome } from '../../engine/outcome';
import type { Ruleset } from '../../engine/ruleset';
import type { EvidenceStatus } from '../../engine/ruleset-schema';
import type { AuditRow } from '../../shared/audit-report';
import type { RecordContent } from '../../shared/decision-record';

/** The facts about one record that the exception reports filter on, before exceptions are assigned. */
export type RecordFacts = Omit<AuditRow, 'supersededBy' | 'exceptions' | 'related'> & {
  /** The supplier as one key for the split-purchase pattern: organisation number, else the name normalised. */
  supplierKey: string | null;
  /** CPV group: the first three digits of the code (Commission Regulation 213/2008, the "group" level). */
  cpvGroup: string | null;
};

const weak: EvidenceStatus[] = ['unverified', 'constructed'];
const dayMs = 86_400_000;

export const documentationLimitId = 'documentation-limit';

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
    supplierKey: orgNumber ? `org:${normaliseOrgNumber(orgNumber)}` : name ? `name:${normaliseSupplierName(name)}` : null,
    cpvGroup: cpv ? cpv.slice(0, 3) : null,
  };
  return { facts, outcome };
}
