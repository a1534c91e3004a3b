import type { AuditRow, SimilarResponse } from '../../shared/audit-report';
import type { similarQuerySchema } from '../../shared/audit-report';
import type { z } from 'zod';
import { normaliseOrgNumber, normaliseSupplierName } from './record-facts';

const dayMs = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(date) + days * dayMs).toISOString().slice(0, 10);

/**
 * The direct awards the same organisation made in the twelve months before and after a decision
 * date to the same supplier (by organisation number or name) or in the same CPV group: the similar
 * contracts whose values are added to the estimated value (LOU 5 kap.).
 */
export function similarPurchases(rows: AuditRow[], q: z.infer<typeof similarQuerySchema>): SimilarResponse {
  const window = { from: shift(q.decisionDate, -365), to: shift(q.decisionDate, 365) };
  const org = q.orgNumber ? normaliseOrgNumber(q.orgNumber) : null;
  const name = q.supplierName?.trim() ? normaliseSupplierName(q.supplierName) : null;
  const group = q.cpvCode && /^\d{3}/.test(q.cpvCode) ? q.cpvCode.slice(0, 3) : null;
  const items = rows.flatMap((row) => {
    if (row.organisation !== q.organisation || row.chosenRoute !== 'direct-award' || row.id === q.exclude) return [];
    if (row.decisionDate < window.from || row.decisionDate > window.to) return [];
    const match: Array<'orgNumber' | 'supplierName' | 'cpvGroup'> = [];
    if (org && row.supplierOrgNumber && normaliseOrgNumber(row.supplierOrgNumber) === org) match.push('orgNumber');
    if (name && row.supplierName && normaliseSupplierName(row.supplierName) === name) match.push('supplierName');
    if (group && row.cpvCode?.startsWith(group)) match.push('cpvGroup');
    return match.length > 0 ? [{ row, match }] : [];
  });
  items.sort((a, b) => a.row.decisionDate.localeCompare(b.row.decisionDate) || a.row.id - b.row.id);
  return { window, items };
}
