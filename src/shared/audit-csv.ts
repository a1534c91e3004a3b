import { exceptionNames, supplierKindLabels, verdictNames } from './audit-labels';
import { formatValue } from '../engine/format';
import { diffChangeNames, diffPartNames } from './audit-labels';
import { nearLimitShare, type AuditRow, type ImpactItem, type RulesetDiff, type RulesetName, type SocialReportRow, type SplitGroup } from './audit-report';
import { rulesetName } from './ruleset-name';
import type { StatsRow } from './decision-record';
import { toExcelCsv, type CsvCell } from './excel-csv';
import { failedInFiguresNotice, type FailedInFigures } from './verification-mark';
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
    'Underkänt i senaste kontrollen',
  ];
  const lines: CsvCell[][] = rows.map((r) => [
    r.id, names.organisation(r.organisation), r.decisionDate, r.recordedAt.slice(0, 10), r.rulesetVersion, names.route(r.chosenRoute),
    r.recommendedRoute ? names.route(r.recommendedRoute) : '', yesNo(r.deviates), verdictNames[r.chosenVerdict]!.sv, r.deviationReason,
    r.description, r.supplierName, r.supplierOrgNumber, supplierKindLabels[r.supplierKind]!.sv, r.cpvCode, r.totalSek,
    r.documentationLimitSek, r.daysToRecord, r.exceptions.map((k) => exceptionNames[k].sv).join(' | '), r.related.join(', '),
    yesNo(r.failedVerification ?? false),
  ]);
  return toExcelCsv(header, lines);
}

/** How a split-purchase group was matched, as the report page says it. */
export const splitMatchNames = { orgNumber: 'samma organisationsnummer', supplierName: 'samma leverantörsnamn', cpvGroup: 'samma CPV-grupp' } as const;

/**
 * The split-purchase groups, one row per decision with its group's number, sum, limit and position
 * repeated, so that Excel can filter and sum by group.
 */
export function splitGroupsCsv(groups: SplitGroup[], names: Names): string {
  const header = [
    'Grupp', 'Organisation', 'Matchning', 'Första beslut', 'Senaste beslut', 'Summa (kr)', 'Direktupphandlingsgräns (kr)', 'Gräns gällande',
    'Över eller under gränsen', 'Beslut nr', 'Beslutsdatum', 'Beskrivning', 'Leverantör', 'Organisationsnummer', 'CPV-kod', 'Värde (kr)',
    'Underkänt i senaste kontrollen',
  ];
  const lines: CsvCell[][] = groups.flatMap((g, i) =>
    g.decisions.map((d) => [
      i + 1, names.organisation(g.organisation), [...g.match.map((m) => splitMatchNames[m]), 'inom 12 månader'].join(', '), g.from, g.to, g.sumSek,
      g.limitSek, g.limitDate, g.over ? 'Över direktupphandlingsgränsen' : `Under direktupphandlingsgränsen (inom ${nearLimitShare * 100} %)`,
      d.id, d.decisionDate, d.description, d.supplierName, d.supplierOrgNumber, d.cpvCode, d.valueSek, yesNo(d.failedVerification ?? false),
    ]),
  );
  return toExcelCsv(header, lines);
}

/** The rule-set comparison, one row per change in words, with the part and the entry it is in. */
export function rulesetDiffCsv(diff: RulesetDiff): string {
  const header = ['Från regelverk', 'Till regelverk', 'Del', 'Post', 'Id', 'Ändring', 'Ändringen i ord'];
  const lines: CsvCell[][] = diff.entries.flatMap((e) =>
    (e.words.length > 0 ? e.words : [{ sv: '', en: '' }]).map((w) => [rulesetName(diff.from, 'sv'), rulesetName(diff.to, 'sv'), diffPartNames[e.part].sv, e.label, e.id, diffChangeNames[e.change].sv, w.sv]),
  );
  return toExcelCsv(header, lines);
}

/** A changed value in force on the decision date, in words: "Direktupphandlingsgränsen: 100 000 kr (tidigare 700 000 kr)". */
export function impactParameterWords(p: ImpactItem['parameters'][number], lang: 'sv' | 'en'): string {
  const amount = (v: number | null) => (v === null ? (lang === 'sv' ? 'inget värde' : 'no value') : formatValue(v, p.unit ?? 'SEK', lang));
  return `${p.label[lang]} ${lang === 'sv' ? 'på beslutsdatumet' : 'on the decision date'}: ${amount(p.after)} (${lang === 'sv' ? 'tidigare' : 'previously'} ${amount(p.before)})`;
}

export function impactCsv(items: ImpactItem[], names: Names, from: RulesetName, to: RulesetName): string {
  const header = ['Beslut nr', 'Organisation', 'Beslutsdatum', 'Vald väg', `Rekommendation ${rulesetName(from, 'sv')}`, `Rekommendation ${rulesetName(to, 'sv')}`, 'Ändrade bedömningar', 'Regler som ändrats', 'Värden som ändrats', 'Kan inte bedömas'];
  const verdict = (v: string | null) => (v ? verdictNames[v]!.sv : '–');
  const lines: CsvCell[][] = items.map((i) => [
    i.id, names.organisation(i.organisation), i.decisionDate, names.route(i.chosenRoute),
    i.recommendation.before ? names.route(i.recommendation.before) : '–', i.recommendation.after ? names.route(i.recommendation.after) : '–',
    i.routes.map((r) => `${names.route(r.route)}: ${verdict(r.before)} → ${verdict(r.after)}`).join(' | '),
    i.reasons.map((r) => r.title.sv).join(' | '),
    i.parameters.map((p) => impactParameterWords(p, 'sv')).join(' | '),
    i.problem,
  ]);
  return toExcelCsv(header, lines);
}

const kindNames = { purchase: 'Köp', partnership: 'Partnerskap (IOP, inte köp)' } as const;

/** The political reports' table: one row per year, route and supplier kind, with totals for purchases and partnerships. */
export function socialCsv(rows: SocialReportRow[], names: Names, failedVerification: FailedInFigures | null = null): string {
  const header = ['År', 'Väg', 'Leverantörstyp', 'Slag', 'Antal', 'Värde (kr)'];
  const lines: CsvCell[][] = rows.map((r) => [r.year, names.route(r.route), supplierKindLabels[r.supplierKind]!.sv, kindNames[r.kind], r.count, r.valueSek]);
  return toExcelCsv(header, [
    ...lines,
    ...totals(rows, (r) => r.kind === 'partnership', (label, t) => [label, '', '', '', t.count, t.valueSek]),
    ...(failedVerification ? [[`Obs: ${failedInFiguresNotice(failedVerification).sv}`, '', '', '', '', ''] as CsvCell[]] : []),
  ]);
}

/**
 * The register's statistics table for Excel: Swedish headers and names, and totals rows. A genuine
 * IOP (chosen and judged allowed) counts as a partnership, not a purchase; an IOP chosen against
 * its verdict counts as the purchase it is, and every route chosen against its verdict is marked.
 */
export function statsExcelCsv(rows: StatsRow[], names: Names, failedVerification: Pick<FailedInFigures, 'at' | 'ids'> | null = null): string {
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
    // Counted with their stored values, which the latest verification found not to match the log.
    ...(failedVerification ? [[`Obs: ${failedInFiguresNotice(failedVerification).sv}`, '', '', '', '', '', '', '', ''] as CsvCell[]] : []),
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
