import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers-schema';
import { saveRequest } from '../server/fixtures';
import { expectNoAxeViolations } from './support/axe';
import { screenshot } from './support/browser';
import { openRegisterApp, type RegisterApp } from './support/register-app';

let app: RegisterApp;

const fruit = (date: string, totalSek: number): Answers => ({
  organisation: 'motala',
  decisionDate: date,
  purchase: { kind: 'goods', description: 'Fruktkorgar till förvaltningarna', cpvCode: '03222000-3' },
  value: { totalSek },
  supplier: { kind: 'any', name: 'Frukt & Grönt i Motala AB' },
});

// A register of its own with a planted split purchase (records 1 and 2, 710 000 kr within five months), a planted deviation (3)
// and Lekeberg's cooperation with a social enterprise from 2022 (4, 5).
beforeAll(async () => {
  const requests = [
    saveRequest(fruit('2025-03-01', 390_000)),
    saveRequest(fruit('2025-07-01', 320_000)),
    saveRequest(
      { organisation: 'ljungby', decisionDate: '2026-10-01', purchase: { kind: 'services', description: 'Städning av fritidsgårdar' }, value: { totalSek: 300_000 }, supplier: { kind: 'any', name: 'Städbolaget' } },
      { chosenRoute: 'social-considerations', deviationReason: 'Vi vill pröva marknaden med sociala villkor.' },
    ),
    saveRequest({ organisation: 'lekeberg', decisionDate: '2022-05-01', purchase: { kind: 'services', description: 'Vaktmästeri' }, value: { totalSek: 250_000 }, supplier: { kind: 'social-enterprise', name: 'Lekebergs Arbetskooperativ' } }),
    saveRequest({ organisation: 'lekeberg', decisionDate: '2024-05-01', purchase: { kind: 'services', description: 'Vaktmästeri, år 3' }, value: { totalSek: 300_000 }, supplier: { kind: 'social-enterprise', name: 'Lekebergs Arbetskooperativ' } }),
  ];
  app = await openRegisterApp('vagval-e2e-audit-', requests);
});
afterAll(async () => {
  await app?.close();
});

describe.each([1366, 390])('the auditor’s reports at %i px', (width) => {
  it('lists the planted split purchase and deviation at citable addresses, and opens a record with its audit', async () => {
    const page = await app.asAuditor(width);
    await page.goto(`${app.url}/#/register/rapport/avvikelser?kind=split-purchase`);
    const group = page.getByRole('region', { name: 'Grupp 1: Motala kommun, 2025-03-01–2025-07-01' });
    await group.waitFor();
    expect(await group.innerText()).toMatch(/Summa\s*710\s000 kr[\s\S]*700\s000 kr den 2025-07-01[\s\S]*Över direktupphandlingsgränsen med 10\s000 kr/);
    expect(await group.getByRole('table').innerText()).toMatch(/Frukt & Grönt i Motala AB[\s\S]*390\s000 kr[\s\S]*320\s000 kr/);
    await page.getByRole('checkbox', { name: 'Endast grupper över gränsen' }).check();
    await page.waitForURL(/over=1/);
    await group.waitFor();
    expect(await page.locator('.report-address').innerText()).toContain('#/register/rapport/avvikelser?kind=split-purchase');
    await expectNoAxeViolations(page, `split purchases at ${width}px`);
    // The list scrolls inside its own region; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await screenshot(page, `audit-split-${width}`);

    await page.getByRole('link', { name: 'Avviker från rekommendationen' }).click();
    const deviations = page.getByRole('table', { name: /1 beslut, visar 1–1/ });
    await deviations.waitFor();
    expect(await deviations.innerText()).toMatch(/Städning av fritidsgårdar[\s\S]*≠ avviker[\s\S]*Vi vill pröva marknaden/);
    await expectNoAxeViolations(page, `deviations at ${width}px`);

    await page.getByRole('link', { name: 'Beslut nr 3' }).click();
    await page.getByRole('heading', { name: 'Beslut nr 3' }).waitFor();
    expect(page.url()).toContain('#/register/beslut/3');
    await page.getByText(/^Med regelverk .*, för beslutsdatumet 2026-10-01, blir bedömningen/).waitFor();
    await page.getByText(/om beslutet fattades i dag/).waitFor();
    expect(await page.locator('.record-audit').innerText()).toMatch(/Uppskattat värde över hela löptiden\s*300\s000 kr/);
    await expectNoAxeViolations(page, `record audit at ${width}px`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await screenshot(page, `audit-record-${width}`);
  });

  it('runs the rule-change impact analysis to the end with a progress bar, and shows the rule-set diff', async () => {
    const page = await app.asAuditor(width);
    await page.goto(`${app.url}/#/register/rapport/regelandring`);
    await page.getByRole('button', { name: 'Jämför alla beslut' }).click();
    await page.getByRole('status').filter({ hasText: /av 5 beslut skulle bedömas annorlunda/ }).waitFor();
    expect(await page.getByRole('progressbar', { name: 'Jämförda beslut' }).getAttribute('value')).toBe('5');
    await expectNoAxeViolations(page, `impact at ${width}px`);
    await page.getByRole('link', { name: 'Visa skillnaderna mellan regelverken' }).click();
    await page.getByRole('heading', { name: 'Jämför regelverk' }).waitFor();
    await page.getByText(/Regelverken är lika|→/).first().waitFor();
    await expectNoAxeViolations(page, `ruleset diff at ${width}px`);
  });

  it('gives Lekeberg’s report on the cooperation from 2022 with a chart that has a text alternative', async () => {
    const page = await app.asAuditor(width);
    await page.goto(`${app.url}/#/register/rapport/lekeberg-samarbete-2022`);
    // The heading names the enterprise the motion's question is about, so the printed page says whose cooperation it is.
    await page.getByRole('heading', { name: 'Hur samarbetet med Lekebergs Arbetskooperativ går' }).waitFor();
    // The one social enterprise whose first decision is from 2022 is named, and the sentence and the chart count its decisions.
    await page.getByText(/^Rapporten följer Lekebergs Arbetskooperativ \(socialt företag\), första beslut 2022-05-01: 2 beslut för 550\s000 kr sedan dess, år för år nedan\.$/).waitFor();
    await page.getByRole('img', { name: 'Beslut med Lekebergs Arbetskooperativ per år (antal): 2022 1; 2023 0; 2024 1' }).waitFor();
    expect(await page.getByRole('table', { name: 'Beslut med Lekebergs Arbetskooperativ per år' }).innerText()).toMatch(/2022\s*1\s*250\s000 kr\s*2023\s*0\s*0 kr\s*2024\s*1\s*300\s000 kr[\s\S]*Summa\s*2\s*550\s000 kr/);
    await expectNoAxeViolations(page, `Lekeberg report at ${width}px`);
    await screenshot(page, `audit-lekeberg-${width}`);
  });
});
