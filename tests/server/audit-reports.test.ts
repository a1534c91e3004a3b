import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTransparency } from '../../src/server/start-server';
import type { TransparencyLog } from '../../src/server/transparency/transparency-log';
import type { Answers } from '../../src/engine/answers-schema';
import { withIdentity, type Ruleset } from '../../src/engine/ruleset';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { defaultAccessConfig, type AccessConfig } from '../../src/server/access';
import { createApp } from '../../src/server/create-app';
import { rulesetData } from '../../src/server/register-service';
import { SqliteDecisionStore } from '../../src/server/store/sqlite-store';
import {
  exceptionResponseSchema,
  impactLineSchema,
  recordAuditSchema,
  rulesetDiffSchema,
  rulesetListSchema,
  similarResponseSchema,
  socialReportSchema,
  splitGroupResponseSchema,
  type ImpactLine,
} from '../../src/shared/audit-report';
import { decisionRecordSchema, type SaveDecisionRequest } from '../../src/shared/decision-record';
import { parseExcelCsv } from '../../src/shared/excel-csv';
import { auditor, procurer, saveRequest, tempDir } from './fixtures';

let dir: ReturnType<typeof tempDir>;
let store: SqliteDecisionStore;
let app: ReturnType<typeof createApp>;
let working: Ruleset;

const access: AccessConfig = {
  ...defaultAccessConfig,
  users: [...defaultAccessConfig.users, { name: 'ljungby-upphandlare', roles: ['procurer'], organisations: ['ljungby'] }],
};
const ljungbyProcurer = { 'x-vagval-user': 'ljungby-upphandlare', 'x-vagval-role': 'procurer' };

let transparency: TransparencyLog;
beforeEach(async () => {
  dir = tempDir('vagval-audit-');
  store = new SqliteDecisionStore(`${dir.path}/register.sqlite`);
  working = nodeRuleset();
  transparency = await openTransparency(store, { dataDir: dir.path, log: () => {} });
  app = createApp({ store, transparency, ruleset: nodeRuleset, access, log: () => {}, workingRuleset: () => working });
});
afterEach(async () => {
  await transparency.close();
  await store.close();
  dir.remove();
});

const get = (path: string, headers: Record<string, string> = auditor) => app.request(`/api${path}`, { headers });
const save = async (request: SaveDecisionRequest) => {
  const response = await app.request('/api/decisions', { method: 'POST', headers: { 'content-type': 'application/json', ...procurer }, body: JSON.stringify(request) });
  expect(response.status, await response.clone().text()).toBe(201);
  return decisionRecordSchema.parse(await response.json());
};
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const fruit = (date: string, totalSek: number, extra: Partial<Answers> = {}): Answers => ({
  organisation: 'motala',
  decisionDate: date,
  purchase: { kind: 'goods', description: 'Fruktkorgar till förvaltningarna', cpvCode: '03222000-3' },
  value: { totalSek },
  supplier: { kind: 'any', name: 'Frukt & Grönt i Motala AB' },
  ...extra,
});

/** A register with a planted split purchase (two fruit direct awards four months apart) and a planted deviation. */
async function seed() {
  const ordinary = await save(saveRequest());
  const firstFruit = await save(saveRequest(fruit('2025-03-01', 90_000)));
  const secondFruit = await save(saveRequest(fruit('2025-07-01', 95_000, { supplier: { kind: 'any', name: 'FRUKT & GRÖNT I MOTALA' } })));
  const unrelated = await save(saveRequest(fruit('2023-01-10', 40_000, { organisation: 'lekeberg', purchase: { kind: 'goods', description: 'Kaffe', cpvCode: '15861000-1' }, supplier: { kind: 'any', name: 'Kafferosteriet' } })));
  const deviating = await save(
    saveRequest(
      { organisation: 'ljungby', decisionDate: '2026-10-01', purchase: { kind: 'services', description: 'Städning av fritidsgårdar' }, value: { totalSek: 300_000 }, supplier: { kind: 'any', name: 'Städbolaget' } },
      { chosenRoute: 'social-considerations', deviationReason: 'Vi vill pröva marknaden med sociala villkor.' },
    ),
  );
  const late = await save(saveRequest(fruit(daysAgo(45), 150_000, { organisation: 'lekeberg', purchase: { kind: 'goods', description: 'Möbler', cpvCode: '39100000-3' }, supplier: { kind: 'any', name: 'Möbelhuset' } })));
  return { ordinary, firstFruit, secondFruit, unrelated, deviating, late };
}

describe('the exception reports', () => {
  it('flags no split purchase for two small fruit awards: 185 000 kr is far under the direct-award limit', async () => {
    await seed();
    const report = exceptionResponseSchema.parse(await (await get('/reports/exceptions?kind=split-purchase')).json());
    expect(report.items).toEqual([]);
    expect(report.counts['split-purchase']).toBe(0);
  });

  it('finds the planted deviation with its reason, the chosen route and its verdict', async () => {
    const s = await seed();
    const report = exceptionResponseSchema.parse(await (await get('/reports/exceptions?kind=deviation')).json());
    expect(report.items).toHaveLength(1);
    expect(report.items[0]).toMatchObject({
      id: s.deviating.id,
      chosenRoute: 'social-considerations',
      recommendedRoute: 'direct-award',
      deviates: true,
      deviationReason: 'Vi vill pröva marknaden med sociala villkor.',
      description: 'Städning av fritidsgårdar',
      supplierName: 'Städbolaget',
    });
  });

  it('lists direct awards at or above the documentation limit and those saved more than 30 days after the decision', async () => {
    const s = await seed();
    const above = exceptionResponseSchema.parse(await (await get('/reports/exceptions?kind=above-documentation-limit')).json());
    expect(above.items.map((r) => r.id)).toContain(s.late.id);
    expect(above.items.map((r) => r.id)).not.toContain(s.firstFruit.id); // 90 000 kr is under 100 000 kr
    expect(above.items.every((r) => r.documentationLimitSek === 100_000)).toBe(true);
    const late = exceptionResponseSchema.parse(await (await get('/reports/exceptions?kind=late-documentation')).json());
    // Decisions from 2024 on count (the 2023 coffee does not); the ordinary record was saved nine days after.
    expect(late.items.map((r) => r.id).sort((a, b) => a - b)).toEqual([s.firstFruit.id, s.secondFruit.id, s.late.id]);
    expect(late.items.find((r) => r.id === s.late.id)!.daysToRecord).toBe(45);
  });

  it('names the unverified or constructed rules and values a verdict rested on', async () => {
    await seed();
    const weak = exceptionResponseSchema.parse(await (await get('/reports/exceptions?kind=weak-basis')).json());
    for (const row of weak.items) {
      expect(row.weakBasis.length).toBeGreaterThan(0);
      expect(row.weakBasis.every((w) => w.status === 'unverified' || w.status === 'constructed')).toBe(true);
    }
  });

  it('shows a procurer only the records of its own organisations', async () => {
    await seed();
    const all = exceptionResponseSchema.parse(await (await get('/reports/exceptions')).json());
    const own = exceptionResponseSchema.parse(await (await get('/reports/exceptions', ljungbyProcurer)).json());
    expect(all.items.some((r) => r.organisation !== 'ljungby')).toBe(true);
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((r) => r.organisation === 'ljungby')).toBe(true);
  });

  it('refuses a record of another organisation in the very words it refuses one that is not there, on every route that names one', async () => {
    const s = await seed();
    const answer = async (path: string) => {
      const response = await get(path, ljungbyProcurer);
      return { status: response.status, body: JSON.stringify(await response.json()).replace(/\d{3,}|\b\d+\b/g, 'N') };
    };
    const foreign = await answer(`/reports/records/${s.firstFruit.id}`);
    const missing = await answer('/reports/records/9999');
    expect(foreign.status).toBe(404);
    expect(foreign).toEqual(missing);
    // An organisation the procurer may not read is refused on permission alone, whether or not it has records.
    const withRecords = await answer('/reports/similar?organisation=motala&decisionDate=2025-10-01');
    const without = await answer('/reports/similar?organisation=region-ostergotland&decisionDate=2025-10-01');
    expect(withRecords.status).toBe(403);
    expect(withRecords).toEqual({ ...without, body: without.body.replace('region-ostergotland', 'motala') });
    // The lists only ever hold the reader's own records: a filter on another organisation is an empty list.
    for (const path of ['/reports/exceptions?organisation=motala', '/reports/split-groups?organisation=motala']) {
      const body = (await (await get(path, ljungbyProcurer)).json()) as { total: number };
      expect(body.total, path).toBe(0);
    }
  });

  it('refuses a bad filter with the field named', async () => {
    const response = await get('/reports/exceptions?kind=fusk&from=2025-13-01');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { problems: Array<{ field: string }> };
    expect(body.problems.map((p) => p.field).sort()).toEqual(['from', 'kind']);
  });

  it('exports CSV that Swedish Excel opens: BOM, semicolons, Swedish headers and names, decimal comma', async () => {
    const s = await seed();
    const response = await get('/reports/exceptions.csv');
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const { header, rows } = parseExcelCsv(text);
    expect(header).toContain('Vald väg');
    expect(header).toContain('Den valda vägens bedömning');
    const byId = new Map(rows.map((r) => [Number(r[0]), Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    const first = byId.get(s.firstFruit.id)!;
    expect(first).toMatchObject({ Organisation: 'Motala kommun', 'Vald väg': 'Direktupphandling', 'Värde (kr)': '90000', Leverantör: 'Frukt & Grönt i Motala AB' });
    expect(first.Avvikelser).toContain('sparad mer än 30 dagar');
  });
});

describe('split purchases as groups', () => {
  const workshop = { kind: 'any' as const, name: 'Cykelverkstaden i Fjugesta AB', orgNumber: '556012-5790' };
  const bicycles = (date: string, totalSek: number, extra: Partial<Answers> = {}): Answers => ({
    organisation: 'lekeberg',
    decisionDate: date,
    purchase: { kind: 'services', description: 'Service av cyklar', cpvCode: '50100000-6' },
    value: { totalSek },
    supplier: workshop,
    ...extra,
  });
  const groupsAt = async (query: string, headers = auditor) => splitGroupResponseSchema.parse(await (await get(`/reports/split-groups${query}`, headers)).json());

  it("adds up Lekeberg's four awards to one bicycle workshop to 920 000 kr against the 700 000 kr limit, and flags each", async () => {
    await seed();
    const awards: Array<{ id: number }> = [];
    for (const [date, value] of [['2025-02-03', 240_000], ['2025-05-12', 260_000], ['2025-08-20', 230_000], ['2025-11-04', 190_000]] as const) awards.push(await save(saveRequest(bicycles(date, value))));
    // The same supplier by name only, a year and a half later: outside the twelve months.
    await save(saveRequest(bicycles('2027-06-01', 300_000, { supplier: { kind: 'any', name: 'Cykelverkstaden i Fjugesta' } })));
    const report = await groupsAt('?over=1');
    expect(report).toMatchObject({ nearShare: 0.1, total: 1, over: 1 });
    expect(report.items[0]).toMatchObject({ organisation: 'lekeberg', sumSek: 920_000, limitSek: 700_000, over: true, match: ['orgNumber', 'supplierName', 'cpvGroup'] });
    expect(report.items[0]!.decisions.map((d) => [d.id, d.valueSek])).toEqual(awards.map((a, i) => [a.id, [240_000, 260_000, 230_000, 190_000][i]]));
    const flagged = exceptionResponseSchema.parse(await (await get('/reports/exceptions?kind=split-purchase')).json());
    expect(flagged.items.map((r) => r.id).sort((a, b) => a - b)).toEqual(awards.map((a) => a.id));
    expect(flagged.items.find((r) => r.id === awards[0]!.id)!.related).toEqual(awards.slice(1).map((a) => a.id));
    // A procurer of another organisation sees none of them.
    expect((await groupsAt('', ljungbyProcurer)).total).toBe(0);
  });

  it('counts a purchase that already added similar purchases into its value once, by its own value', async () => {
    await save(saveRequest(bicycles('2025-02-03', 400_000)));
    // 650 000 kr estimated, of which 400 000 kr is the first award: counted twice the group would be 1 050 000 kr.
    await save(saveRequest(bicycles('2025-05-12', 650_000, { value: { totalSek: 650_000, similarPurchasesSek: 400_000 } })));
    const report = await groupsAt('');
    expect(report.items.map((g) => [g.sumSek, g.over])).toEqual([[650_000, false]]);
  });

  it('writes the groups for Excel, one row per decision with its group, sum, limit and position', async () => {
    for (const [date, value] of [['2025-02-03', 240_000], ['2025-05-12', 260_000], ['2025-08-20', 230_000], ['2025-11-04', 190_000]] as const) await save(saveRequest(bicycles(date, value)));
    const response = await get('/reports/split-groups.csv?over=1');
    expect(response.headers.get('content-disposition')).toContain('uppdelade-kop-over-gransen.csv');
    const { header, rows } = parseExcelCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await response.arrayBuffer())));
    const lines = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      Grupp: '1',
      Organisation: 'Lekebergs kommun',
      Matchning: 'samma organisationsnummer, samma leverantörsnamn, samma CPV-grupp, inom 12 månader',
      'Summa (kr)': '920000',
      'Direktupphandlingsgräns (kr)': '700000',
      'Över eller under gränsen': 'Över direktupphandlingsgränsen',
      'Värde (kr)': '240000',
    });
  });
});

describe('a record as the auditor reads it', () => {
  it('shows the limits it rested on with dates, sources and status, and a timeline with its correction', async () => {
    const s = await seed();
    const correction = await save(saveRequest(fruit('2025-07-01', 120_000), { corrects: s.secondFruit.id }));
    const audit = recordAuditSchema.parse(await (await get(`/reports/records/${s.secondFruit.id}`)).json());
    const limit = audit.limits.find((l) => l.id === 'direct-award-limit')!;
    expect(limit).toMatchObject({ value: 700_000, from: '2022-02-01', status: 'verified', deciding: true });
    // A direct award of goods turns on the direct-award limit, not on the thresholds for works or for annex 2 services.
    expect(audit.limits.filter((l) => l.deciding).map((l) => l.id)).toEqual(['direct-award-limit']);
    expect(audit.limits.find((l) => l.id === 'eu-threshold-works')).toMatchObject({ deciding: false });
    expect(limit.source.title.length).toBeGreaterThan(0);
    expect(audit.timeline.map((e) => e.kind)).toEqual(['decided', 'saved', 'corrected-by']);
    expect(audit.timeline[2]).toMatchObject({ recordId: correction.id });
    expect(audit.row.supersededBy).toBe(correction.id);
    // The corrected record is no longer current: the late-documentation list holds the correction instead.
    const late = exceptionResponseSchema.parse(await (await get('/reports/exceptions?kind=late-documentation')).json());
    expect(late.items.map((r) => r.id)).toContain(correction.id);
    expect(late.items.map((r) => r.id)).not.toContain(s.secondFruit.id);
  });

  it('judges the stored answers under the current rule set for the decision date and for today, saying which', async () => {
    const s = await seed();
    const audit = recordAuditSchema.parse(await (await get(`/reports/records/${s.firstFruit.id}`)).json());
    expect(audit.asDecided.date).toBe('2025-03-01');
    expect(audit.asToday.date).toBe(new Date().toISOString().slice(0, 10));
    expect(audit.asDecided.verdicts['direct-award']).toBe('recommended');
  });
});

describe('split purchases caught before they happen', () => {
  it('answers the guide with the same supplier’s direct awards in the twelve months around the date', async () => {
    const s = await seed();
    const response = await get(`/reports/similar?organisation=motala&decisionDate=2025-10-01&supplierName=${encodeURIComponent('Frukt & grönt i Motala')}`, procurer);
    const similar = similarResponseSchema.parse(await response.json());
    expect(similar.window).toEqual({ from: '2024-10-01', to: '2026-10-01' });
    expect(similar.items.map((i) => i.row.id)).toEqual([s.firstFruit.id, s.secondFruit.id]);
    expect(similar.items[0]!.match).toEqual(['supplierName']);
    expect((await get('/reports/similar?organisation=motala&decisionDate=2025-10-01', ljungbyProcurer)).status).toBe(403);
  });
});

describe('the reports for kommunfullmäktige and regionfullmäktige', () => {
  it('counts by year, route and supplier kind, and a genuine IOP as a partnership', async () => {
    await seed();
    const iop = await save(
      saveRequest({
        organisation: 'lekeberg',
        decisionDate: '2024-03-01',
        purchase: { kind: 'services', description: 'Samarbete om fritidsaktiviteter' },
        value: { totalSek: 200_000 },
        supplier: { kind: 'ideaburen', name: 'Föreningen Gemenskap' },
        partnership: { paymentForService: false, ownInitiative: true, ownContribution: true, commonGoal: true, commercialMarket: false },
      }),
    );
    expect(iop.chosenRoute).toBe('iop');
    const report = socialReportSchema.parse(await (await get('/reports/social?organisation=lekeberg')).json());
    expect(report.rows.find((r) => r.route === 'iop')).toMatchObject({ year: '2024', kind: 'partnership', count: 1, valueSek: 200_000 });
    expect(report.suppliers.map((x) => x.supplier)).toEqual(['Föreningen Gemenskap']);
    const csv = await get('/reports/social.csv?organisation=lekeberg&from=2022-01-01');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="sociala-inkop-lekeberg-2022-01-01.csv"');
    const { header, rows } = parseExcelCsv(await csv.text());
    expect(header).toEqual(['År', 'Väg', 'Leverantörstyp', 'Slag', 'Antal', 'Värde (kr)']);
    const totals = Object.fromEntries(rows.filter((r) => r[0]!.startsWith('Summa')).map((r) => [r[0], r[4]]));
    expect(totals).toEqual({ 'Summa köp': '2', 'Summa partnerskap (IOP)': '1', 'Summa totalt': '3' });
  });
});

describe('what a rule change would have changed', () => {
  const lowerLimit = (): Ruleset => {
    const data = structuredClone(rulesetData(nodeRuleset()));
    data.manifest.version = '2099.01.1';
    data.parameters['direct-award-limit']!.values.push({ ...data.parameters['direct-award-limit']!.values.at(-1)!, from: '2025-01-01', value: 100_000 });
    return withIdentity(data);
  };
  const impact = async (query: string): Promise<ImpactLine[]> => {
    const response = await get(`/reports/impact?${query}`);
    expect(response.status).toBe(200);
    return (await response.text()).trim().split('\n').map((line) => impactLineSchema.parse(JSON.parse(line)));
  };

  it('streams, on worker threads, every record whose verdicts change, with the limit that changed', { timeout: 30_000 }, async () => {
    const s = await seed();
    working = lowerLimit();
    const lines = await impact(`from=${nodeRuleset().hash}&to=working`);
    expect(lines[0]).toMatchObject({ type: 'start', total: 6, to: { version: '2099.01.1' } });
    expect(lines.some((l) => l.type === 'progress' && l.done === 6)).toBe(true);
    const items = lines.flatMap((l) => (l.type === 'item' ? [l.item] : []));
    // Direct awards from 2025 above 100 000 kr change; the 2023 coffee and the 90 000 kr fruit do not.
    expect(items.map((i) => i.id).sort((a, b) => a - b)).toEqual([s.ordinary.id, s.deviating.id, s.late.id].sort((a, b) => a - b));
    const late = items.find((i) => i.id === s.late.id)!;
    expect(late.routes.find((r) => r.route === 'direct-award')).toMatchObject({ before: 'recommended', after: 'not-allowed' });
    expect(late.parameters.find((p) => p.id === 'direct-award-limit')).toMatchObject({ before: 700_000, after: 100_000 });
    expect(lines.at(-1)).toMatchObject({ type: 'done', checked: 6, changed: 3, lastId: 6 });
    // Each record's timeline says what the analysis found for it.
    const resultOf = async (id: number) => recordAuditSchema.parse(await (await get(`/reports/records/${id}`)).json()).timeline.find((e) => e.kind === 'impact-analysis');
    expect(await resultOf(s.late.id)).toMatchObject({ result: 'changed', detail: { to: { version: '2099.01.1', working: true }, changed: 3 } });
    expect(await resultOf(s.unrelated.id)).toMatchObject({ result: 'unchanged' });
  });

  it('lists the stored rule sets and the working copy, and diffs them part by part', async () => {
    await seed();
    working = lowerLimit();
    const list = rulesetListSchema.parse(await (await get('/reports/rulesets')).json());
    expect(list.stored).toEqual([expect.objectContaining({ hash: nodeRuleset().hash, records: 6 })]);
    expect(list.working?.version).toBe('2099.01.1');
    const diff = rulesetDiffSchema.parse(await (await get(`/reports/rulesets/diff?from=${nodeRuleset().hash}&to=working`)).json());
    expect(diff.entries.map((e) => `${e.part}:${e.id}:${e.change}`).sort()).toEqual(['manifest:manifest:changed', 'parameters:direct-award-limit:changed']);
    expect(diff.entries.find((e) => e.part === 'parameters')!.fields.map((f) => f.field)).toEqual(['values']);
    expect(diff.to).toMatchObject({ version: '2099.01.1', working: true });
    expect(list.working).toMatchObject({ working: true, date: nodeRuleset().manifest.lastReviewed });
    // The CSV says the change in words, and names both rule sets so that they can be told apart.
    const csv = parseExcelCsv(await (await get(`/reports/rulesets/diff.csv?from=${nodeRuleset().hash}&to=working`)).text());
    const row = csv.rows.find((r) => r[4] === 'direct-award-limit')!;
    expect(row[6]).toMatch(/^Direktupphandlingsgränsen: nytt värde från 2025-01-01: 100\s000 kr \(tidigare 700\s000 kr\), källa /);
    expect(row[0]).toBe(`${nodeRuleset().version} av ${nodeRuleset().manifest.lastReviewed} (${nodeRuleset().hash.slice(0, 8)})`);
    expect(row[1]).toMatch(/^arbetskopia 2099\.01\.1 /);
  });

  it('is for auditors: a procurer is refused', async () => {
    expect((await get('/reports/impact?from=working&to=working', procurer)).status).toBe(403);
  });
});
