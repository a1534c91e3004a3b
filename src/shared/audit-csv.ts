import { exceptionNames, supplierKindLabels, verdictNames } from './audit-labels';
import type { AuditRow, ImpactItem, SocialReportRow } from './audit-report';
import type { StatsRow } from './decision-record';
import { toExcelCsv, type CsvCell } from './excel-csv';
import { choseAgainstVerdict, figureKind } from './partnership';

/** How routes and organisations are named in the files: by the rule set, in Swedish. */
export type Names = { route: (id: string) => string; organisation: (id: string) => string };

const yesNo = (v: boolean) => (v ? 'Ja' : 'Nej');

/** One row per record, with the columns an auditor scans for. */
export function exceptionsCsv(rows: AuditRow[], names: Names): string {
  const header = [
    'Beslut nr', 'Organisation', 'Beslutsdatum', 'Sparat', 'Regelverk', 'Vald väg', 'Rekommenderad väg', 'Avvikelse',
    'Den valda vägens bedömning', 'Skäl att avvika', 'Beskrivning', 'Leverantör', 'Organisationsnummer', 'Leverantörstyp',
    'CPV-kod', 'Värde (kr)', 'Dokumentationsgräns (kr)', 'Dagar till sparande', 'Avvikelser', 'Liknande beslut nr',
  ];
  const lines: CsvCell[][] = rows.map((r) => [
    r.id, names.organisation(r.organisation), r.decisionDate, r.recordedAt.slice(0, 10), r.rulesetVersion, names.route(r.chosenRoute),
    r.recommendedRoute ? names.route(r.recommendedRoute) : '', yesNo(r.deviates), verdictNames[r.chosenVerdict]!.sv, r.deviationReason,
    r.description, r.supplierName, r.supplierOrgNumber, supplierKindLabels[r.supplierKind]!.sv, r.cpvCode, r.totalSek,
    r.documentationLimitSek, r.daysToRecord, r.exceptions.map((k) => exceptionNames[k].sv).join(' | '), r.related.join(', '),
  ]);
  return toExcelCsv(header, lines);
}

export function impactCsv(items: ImpactItem[], names: Names, fromVersion: string, toVersion: string): string {
  const header = ['Beslut nr', 'Organisation', 'Beslutsdatum', 'Vald väg', `Rekommendation ${fromVersion}`, `Rekommendation ${toVersion}`, 'Ändrade bedömningar', 'Regler som ändrats', 'Värden som ändrats', 'Kan inte bedömas'];
  const verdict = (v: string | null) => (v ? verdictNames[v]!.sv : '–');
  const lines: CsvCell[][] = items.map((i) => [
    i.id, names.organisation(i.organisation), i.decisionDate, names.route(i.chosenRoute),
    i.recommendation.before ? names.route(i.recommendation.before) : '–', i.recommendation.after ? names.route(i.recommendation.after) : '–',
    i.routes.map((r) => `${names.route(r.route)}: ${verdict(r.before)} → ${verdict(r.after)}`).join(' | '),
    i.reasons.map((r) => r.title.sv).join(' | '),
    i.parameters.map((p) => `${p.label.sv}: ${p.before ?? '–'} → ${p.after ?? '–'}`).join(' | '),
    i.problem,
  ]);
  return toExcelCsv(header, lines);
}

const kindNames = { purchase: 'Köp', partnership: 'Partnerskap (IOP, inte köp)' } as const;

/** The political reports' table: one row per year, route and supplier kind, with totals for purchases and partnerships. */
export function socialCsv(rows: SocialReportRow[], names: Names): string {
  const header = ['År', 'Väg', 'Leverantörstyp', 'Slag', 'Antal', 'Värde (kr)'];
  const lines: CsvCell[][] = rows.map((r) => [r.year, names.route(r.route), supplierKindLabels[r.supplierKind]!.sv, kindNames[r.kind], r.count, r.valueSek]);
  return toExcelCsv(header, [...lines, ...totals(rows, (r) => r.kind === 'partnership', (label, t) => [label, '', '', '', t.count, t.valueSek])]);
}

/**
 * The register's statistics table for Excel: Swedish headers and names, and totals rows. A genuine
 * IOP (chosen and judged allowed) counts as a partnership, not a purchase; an IOP chosen against
 * its verdict counts as the purchase it is, and every route chosen against its verdict is marked.
 */
export function statsExcelCsv(rows: StatsRow[], names: Names): string {
  const header = ['Organisation', 'Period', 'Väg', 'Leverantörstyp', 'Den valda vägens bedömning', 'Slag', 'Vald mot bedömningen', 'Antal', 'Värde (kr)'];
  const lines: CsvCell[][] = rows.map((r) => [
    names.organisation(r.organisation), r.period, names.route(r.route), supplierKindLabels[r.supplierKind]!.sv, verdictNames[r.chosenVerdict]!.sv,
    kindNames[figureKind(r.route, r.chosenVerdict)], yesNo(choseAgainstVerdict(r.chosenVerdict)), r.count, r.valueSek,
  ]);
  const against = rows.filter((r) => choseAgainstVerdict(r.chosenVerdict));
  const sum = against.reduce((t, r) => ({ count: t.count + r.count, valueSek: t.valueSek + r.valueSek }), { count: 0, valueSek: 0 });
  const line = (label: string, t: { count: number; valueSek: number }): CsvCell[] => [label, '', '', '', '', '', '', t.count, t.valueSek];
  return toExcelCsv(header, [
    ...lines,
    ...totals(rows, (r) => figureKind(r.route, r.chosenVerdict) === 'partnership', line),
    line('Varav vald mot bedömningen (inte tillåten eller behöver fler svar)', sum),
  ]);
}

function totals<T extends { count: number; valueSek: number }>(rows: T[], isPartnership: (r: T) => boolean, line: (label: string, t: { count: number; valueSek: number }) => CsvCell[]): CsvCell[][] {
  const sum = (list: T[]) => list.reduce((t, r) => ({ count: t.count + r.count, valueSek: t.valueSek + r.valueSek }), { count: 0, valueSek: 0 });
  return [
    line('Summa köp', sum(rows.filter((r) => !isPartnership(r)))),
    line('Summa partnerskap (IOP)', sum(rows.filter(isPartnership))),
    line('Summa totalt', sum(rows)),
  ];
}
