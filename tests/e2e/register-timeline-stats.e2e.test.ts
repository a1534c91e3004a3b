import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iopAnswers, saveRequest } from '../server/fixtures';
import { expectNoAxeViolations } from './support/axe';
import { screenshot } from './support/browser';
import { openRegisterApp, type RegisterApp } from './support/register-app';

// A record's timeline shows the checks and replays the register kept, and
// the statistics count a genuine IOP as a partnership and an IOP judged not allowed as a purchase.

let app: RegisterApp;

beforeAll(async () => {
  app = await openRegisterApp('vagval-e2e-timeline-', [
    saveRequest(iopAnswers(false), { chosenRoute: 'iop' }),
    saveRequest(iopAnswers(true), { chosenRoute: 'iop', acknowledgedVerdict: 'not-allowed', deviationReason: 'Föreningen vill ha IOP; vi ersätter per besökare som tidigare år.' }),
    saveRequest({ organisation: 'motala', decisionDate: '2025-05-01', purchase: { kind: 'goods', description: 'Kontorsmaterial' }, value: { totalSek: 40_000 }, supplier: { kind: 'any' } }),
  ]);
});
afterAll(async () => {
  await app?.close();
});

describe.each([1366, 390])('the register at %i px', (width) => {
  it('keeps a check and a replay in the record’s timeline, there after a reload', async () => {
    const page = await app.asAuditor(width);
    await page.goto(`${app.url}/#/register/beslut/2`);
    await page.getByRole('heading', { name: 'Beslut nr 2' }).waitFor();
    const timeline = page.getByTestId('record-timeline');
    await timeline.waitFor();
    const before = await timeline.locator('li').count();
    await page.getByRole('button', { name: 'Kontrollera beslutet' }).click();
    await timeline.locator('li[data-kind="verified"][data-result="passed"]').last().waitFor();
    await page.getByRole('button', { name: 'Pröva mot dagens regelverk' }).click();
    await timeline.locator('li[data-kind="replayed"]').last().waitFor();
    expect(await timeline.locator('li[data-kind="verified"]').last().innerText()).toMatch(/Kontrollerat – revisor \(Revisor\): godkänt: oförändrat, kedjan hel, bedömningarna återskapas \(servern med regelverk \d{4}\.\d+\.\d+\)/);
    expect(await timeline.locator('li[data-kind="replayed"]').last().innerText()).toMatch(/Prövat mot regelverk \S+ \(beslutet fattades under \S+, samma beslutsdatum\) – revisor \(Revisor\): inget skulle bli annorlunda/);
    await expectNoAxeViolations(page, `timeline at ${width}px`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await screenshot(page, `register-timeline-${width}`);
    // Kept by the server, not by this tab: a fresh load shows both (and what the other width's run added).
    await page.reload();
    await page.getByTestId('record-timeline').waitFor();
    expect(await page.getByTestId('record-timeline').locator('li').count()).toBeGreaterThanOrEqual(before + 2);
  });

  it('shows a rule-change impact analysis in the timeline of the records it judged', async () => {
    const page = await app.asAuditor(width);
    await page.goto(`${app.url}/#/register/rapport/regelandring`);
    await page.getByRole('button', { name: 'Jämför alla beslut' }).click();
    await page.getByRole('status').filter({ hasText: /av 3 beslut skulle bedömas annorlunda/ }).waitFor();
    await page.goto(`${app.url}/#/register/beslut/3`);
    const line = page.getByTestId('record-timeline').locator('li[data-kind="impact-analysis"]').last();
    await line.waitFor();
    expect(await line.innerText()).toMatch(/Ingick i analysen av en regeländring \(\S+ → .*3 beslut jämförda, \d+ ändrade\) – revisor \(Revisor\): /);
    await expectNoAxeViolations(page, `timeline with an impact analysis at ${width}px`);
  });

  it('counts the genuine IOP as a partnership and the IOP judged not allowed as a purchase, marked', async () => {
    const page = await app.asAuditor(width);
    await page.goto(`${app.url}/#/register`);
    await page.getByRole('button', { name: 'Statistik' }).click();
    const table = page.getByRole('table', { name: 'Beslut per organisation, period, väg, leverantörstyp och den valda vägens bedömning' });
    await table.waitFor();
    // At phone width the cells stack with their column names beside them, so the rows are read by their cells.
    const cells = (row: RegExp) => table.locator('tr').filter({ hasText: row }).locator('th, td').allInnerTexts();
    expect((await cells(/Inte tillåten/)).slice(4)).toEqual(['Inte tillåten ≠ vald mot bedömningen', 'Köp', '1', '150\u00a0000 kr']);
    expect(await cells(/^Summa köp/)).toEqual(['Summa köp', '2', '190\u00a0000 kr']);
    expect(await cells(/^Summa partnerskap/)).toEqual(['Summa partnerskap (IOP, inte köp)', '1', '200\u00a0000 kr']);
    await page.getByRole('radio', { name: 'Väg' }).check();
    await page.getByRole('img', { name: /IOP bedömt som köp \(vald mot bedömningen\) 1/ }).first().waitFor();
    await expectNoAxeViolations(page, `statistics at ${width}px`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await screenshot(page, `register-stats-iop-${width}`);
  });

  it('offers every buyer, grouped, in the exception reports’ organisation filter', async () => {
    const page = await app.asAuditor(width);
    await page.goto(`${app.url}/#/register/rapport/avvikelser`);
    const select = page.getByRole('combobox', { name: 'Organisation' });
    await select.waitFor();
    const groups = await select.locator('optgroup').evaluateAll((els) => els.map((e) => e.getAttribute('label')));
    expect(groups).toEqual(['Med inlagd policy', 'Kommuner', 'Regioner', 'Övriga']);
    expect(await select.locator('option').count()).toBeGreaterThan(290);
    await select.selectOption({ label: 'Motala kommun' });
    await page.getByRole('button', { name: 'Visa rapporten' }).click();
    await page.waitForURL(/organisation=motala/);
    const list = page.getByRole('table', { name: /\d+ beslut, visar/ });
    await list.waitFor();
    expect(await list.innerText()).toMatch(/Föreningen Träffpunkten/);
    await expectNoAxeViolations(page, `exception reports filtered at ${width}px`);
  });
});
