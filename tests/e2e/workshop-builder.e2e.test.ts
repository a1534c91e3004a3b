import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { launchBrowser, openPageIn, screenshot } from './support/browser';

// The fruit-basket scenario (rules/scenarios/fruktkorgar-reserverad.yaml): 1 450 000 kr over its term, a reserved contract.
const scenarioId = 'fruktkorgar-reserverad';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const fieldError = (page: Page, label: string) =>
  page.locator('.field').filter({ has: page.getByLabel(label, { exact: true }) }).locator('.field__error');

describe('the scenario builder forgives a trainer’s slips', () => {
  it('answers impossible dates and "225.000" at the field, keeps the page, and brings the draft back after a reload', async () => {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1366, height: 768 } });
    const page = await openPageIn(context, `#/workshop/builder/${scenarioId}`);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.getByRole('heading', { name: 'Bygg ett eget scenario' }).waitFor();
    const date = page.getByLabel('Beslutsdatum (ÅÅÅÅ-MM-DD)');
    const save = page.getByRole('button', { name: 'Spara i den här webbläsaren' });

    for (const [typed, message] of [
      ['2026-02-30', 'Datumet finns inte i kalendern'],
      ['2026-13-01', 'Datumet finns inte i kalendern'],
      ['1999-05-05', 'Regelverket kan bara bedöma beslut från och med'],
    ] as const) {
      await date.fill(typed);
      await fieldError(page, 'Beslutsdatum (ÅÅÅÅ-MM-DD)').filter({ hasText: message }).waitFor();
      expect(await date.getAttribute('aria-invalid')).toBe('true');
      expect(await save.isDisabled(), `nothing saved with ${typed}`).toBe(true);
      expect(await page.getByRole('heading', { name: 'Bygg ett eget scenario' }).isVisible(), `the page is still there with ${typed}`).toBe(true);
    }
    await expectNoAxeViolations(page, 'builder: a date before the rules');
    await date.fill('2026-03-02');
    await fieldError(page, 'Beslutsdatum (ÅÅÅÅ-MM-DD)').waitFor({ state: 'detached' });

    // "225.000" is 225 000 kr or 225 kr: asked, never read in silence as 225 kr a year.
    const annual = page.getByLabel('Värde per år exklusive moms (kr)');
    await annual.fill('225.000');
    await fieldError(page, 'Värde per år exklusive moms (kr)').filter({ hasText: 'Menade du 225 000 kr?' }).waitFor();
    expect(await page.locator('[data-testid="builder-key"]').count(), 'no answer key from an unsure amount').toBe(0);
    expect(await save.isDisabled()).toBe(true);
    await page.getByLabel('Andel som står långt från arbetsmarknaden (%)').fill('0,4');
    await fieldError(page, 'Andel som står långt från arbetsmarknaden (%)').filter({ hasText: 'Menade du 40 %?' }).waitFor();
    await expectNoAxeViolations(page, 'builder: an unsure amount and share');
    await screenshot(page, 'workshop-builder-errors');

    // A reload brings back what was typed, the wrong fields too, and says so.
    await page.getByLabel('Titel (svenska)').fill('Fruktkorgar i Växjö');
    await page.reload();
    await page.getByTestId('builder-draft-restored').waitFor();
    expect(await page.getByLabel('Titel (svenska)').inputValue()).toBe('Fruktkorgar i Växjö');
    expect(await annual.inputValue()).toBe('225.000');
    expect(await date.inputValue()).toBe('2026-03-02');
    await fieldError(page, 'Värde per år exklusive moms (kr)').filter({ hasText: 'Menade du 225 000 kr?' }).waitFor();

    // Confirmed as 225 000 kr a year for the copy's term, the key is computed and the total reads in kronor.
    await annual.fill('225 000');
    await page.getByLabel('Andel som står långt från arbetsmarknaden (%)').fill('40');
    await page.locator('[data-testid="builder-key"]').waitFor();
    expect(await page.getByTestId('builder-total').innerText()).toMatch(/Värde över hela löptiden: 675\s000\skr/);
    expect(await save.isDisabled()).toBe(false);
    await expectNoAxeViolations(page, 'builder: restored and corrected');

    // Starting again forgets the draft.
    await page.getByRole('button', { name: 'Börja om från scenariot' }).click();
    expect(await page.getByLabel('Titel (svenska)').inputValue()).toContain('(egen version)');
    await page.reload();
    await page.getByRole('heading', { name: 'Bygg ett eget scenario' }).waitFor();
    expect(await page.getByTestId('builder-draft-restored').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
