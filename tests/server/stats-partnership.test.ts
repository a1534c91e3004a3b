import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { statsResponseSchema } from '../../src/shared/decision-record';
import { parseExcelCsv } from '../../src/shared/excel-csv';
import { auditor, iopAnswers, post, saveRequest, tempDir } from './fixtures';

// The statistics count a genuine IOP (chosen and judged allowed) as a partnership;
// an IOP the engine judged not allowed (Motala's per-visitor payment is a payment for a service) is
// the purchase it is, and shows as a choice against the verdict; the file opens in Swedish Excel.

let server: RunningServer;
const dir = tempDir('vagval-stats-iop-');
beforeAll(async () => {
  server = await startServer({ dataDir: dir.path, port: 0, log: () => {} });
  const genuine = saveRequest(iopAnswers(false), { chosenRoute: 'iop' });
  expect(genuine.verdicts.iop === 'allowed' || genuine.verdicts.iop === 'recommended').toBe(true);
  const disguised = iopAnswers(true);
  expect(evaluate(nodeRuleset(), disguised).routes.find((r) => r.route === 'iop')!.verdict).toBe('not-allowed');
  for (const request of [
    genuine,
    saveRequest(disguised, { chosenRoute: 'iop', acknowledgedVerdict: 'not-allowed', deviationReason: 'Föreningen vill ha IOP; vi ersätter per besökare som tidigare år.' }),
    saveRequest({ organisation: 'motala', decisionDate: '2025-05-01', purchase: { kind: 'goods' }, value: { totalSek: 40_000 }, supplier: { kind: 'any' } }),
  ]) {
    const response = await post(`${server.url}/api/decisions`, request);
    expect(response.status, await response.clone().text()).toBe(201);
  }
}, 60_000);
afterAll(async () => {
  await server.close();
  dir.remove();
});

describe('the statistics and a genuine IOP', () => {
  it("give each row the chosen route's verdict, so only the genuine IOP is a partnership", async () => {
    const rows = statsResponseSchema.parse(await (await fetch(`${server.url}/api/stats?organisation=motala`, { headers: auditor })).json()).rows;
    expect(rows.filter((r) => r.route === 'iop').map((r) => [r.chosenVerdict, r.count, r.valueSek])).toEqual([
      ['allowed', 1, 200_000],
      ['not-allowed', 1, 150_000],
    ]);
  });

  it('write the file for Swedish Excel: BOM, semicolons, Swedish headers, the disguised purchase counted as a purchase and marked', async () => {
    const response = await fetch(`${server.url}/api/stats.csv?organisation=motala&period=year`, { headers: auditor });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="vagval-statistik-year.csv"');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith('\uFEFFOrganisation;Period;Väg;')).toBe(true);
    const { header, rows } = parseExcelCsv(text);
    expect(header).toEqual(['Organisation', 'Period', 'Väg', 'Leverantörstyp', 'Den valda vägens bedömning', 'Slag', 'Vald mot bedömningen', 'Antal', 'Värde (kr)']);
    const iop = rows.filter((r) => r[2] === 'Idéburet offentligt partnerskap (IOP)').map((r) => [r[0], r[4], r[5], r[6], r[7], r[8]]);
    expect(iop).toEqual([
      ['Motala kommun', 'Tillåten', 'Partnerskap (IOP, inte köp)', 'Nej', '1', '200000'],
      ['Motala kommun', 'Inte tillåten', 'Köp', 'Ja', '1', '150000'],
    ]);
    const totals = Object.fromEntries(rows.filter((r) => /^(Summa|Varav)/.test(r[0]!)).map((r) => [r[0], [r[7], r[8]]]));
    expect(totals).toEqual({
      'Summa köp': ['2', '190000'],
      'Summa partnerskap (IOP)': ['1', '200000'],
      'Summa totalt': ['3', '390000'],
      'Varav vald mot bedömningen (inte tillåten eller behöver fler svar)': ['1', '150000'],
    });
  });

  it('refuses a bad query with the field named', async () => {
    const bad = await fetch(`${server.url}/api/stats.csv?period=week`, { headers: auditor });
    expect(bad.status).toBe(400);
    expect((await bad.json()) as unknown).toMatchObject({ problems: [{ field: 'period' }] });
  });
});
