import type { AuditRow, SocialReport, SocialReportQuery, SocialReportRow, SocialSupplierRow } from '../../shared/audit-report';
import { figureKind } from '../../shared/partnership';
import type { Scope } from './audit-index';

/**
 * The figures the Lekeberg motion and Region Örebro län's action plan ask for: per year, route and
 * supplier kind the number and value of decisions, a genuine IOP (chosen, and judged allowed on its
 * date) counted as a partnership, not a purchase; and the social enterprises and idéburna
 * organisations dealt with, year by year, from their first decision.
 */
export function socialReport(rows: AuditRow[], query: SocialReportQuery, scope: Scope): SocialReport {
  const chosen = rows.filter(
    (r) =>
      (!scope.organisations || scope.organisations.includes(r.organisation)) &&
      (!query.organisation || r.organisation === query.organisation) &&
      (!query.from || r.decisionDate >= query.from) &&
      (!query.to || r.decisionDate <= query.to),
  );
  const groups = new Map<string, SocialReportRow>();
  for (const r of chosen) {
    const year = r.decisionDate.slice(0, 4);
    const kind = figureKind(r.chosenRoute, r.chosenVerdict);
    const key = `${year}|${r.chosenRoute}|${r.supplierKind}|${kind}`;
    const g = groups.get(key) ?? { year, route: r.chosenRoute, supplierKind: r.supplierKind, kind, count: 0, valueSek: 0 };
    g.count++;
    g.valueSek += r.totalSek ?? 0;
    groups.set(key, g);
  }
  const suppliers = new Map<string, SocialSupplierRow & { years: Map<string, { count: number; valueSek: number }> }>();
  for (const r of [...chosen].sort((a, b) => a.decisionDate.localeCompare(b.decisionDate) || a.id - b.id)) {
    if (r.supplierKind !== 'social-enterprise' && r.supplierKind !== 'ideaburen') continue;
    const name = r.supplierName ?? r.supplierOrgNumber;
    if (!name) continue;
    const key = r.supplierOrgNumber?.replace(/\D/g, '') ?? name.toLocaleLowerCase('sv-SE');
    const s = suppliers.get(key) ?? { supplier: name, supplierKind: r.supplierKind, firstDecision: r.decisionDate, byYear: [], records: [] as number[], years: new Map<string, { count: number; valueSek: number }>() };
    const y = s.years.get(r.decisionDate.slice(0, 4)) ?? { count: 0, valueSek: 0 };
    y.count++;
    y.valueSek += r.totalSek ?? 0;
    s.years.set(r.decisionDate.slice(0, 4), y);
    s.records.push(r.id);
    suppliers.set(key, s);
  }
  return {
    rows: [...groups.values()].sort((a, b) => a.year.localeCompare(b.year) || a.route.localeCompare(b.route) || a.supplierKind.localeCompare(b.supplierKind) || a.kind.localeCompare(b.kind)),
    suppliers: [...suppliers.values()]
      .map(({ years, ...s }) => ({ ...s, byYear: [...years.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([year, v]) => ({ year, ...v })) }))
      .sort((a, b) => a.firstDecision.localeCompare(b.firstDecision) || a.supplier.localeCompare(b.supplier, 'sv')),
  };
}

