import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { expectFieldError, wizard } from './support/wizard-driver';

const today = '2026-11-22';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Steps through the first two steps common to every walk, checking axe on each. */
async function start(page: Page, name: string, kind: 'varor' | 'tjänster') {
  const w = wizard(page);
  await w.expectStep('Organisation och datum');
  await expectNoAxeViolations(page, `${name}: organisation`);
  await w.organisationAndDate('Ljungby kommun', today);
  await w.next();
  await w.expectStep('Vad som köps');
  await expectNoAxeViolations(page, `${name}: purchase`);
  await w.choose('Vad som köps', kind);
  return w;
}

describe('four whole purchases, one ending in each route', () => {
  it('recommends a direct award for 150 000 kr of goods from any supplier', async () => {
    const page = await openPage(browser);
    const w = await start(page, 'direct', 'varor');
    await page.getByLabel('Beskrivning av köpet').fill('Kontorsmöbler till socialförvaltningen');
    await w.next();
    await w.expectStep('Värde');
    await expectNoAxeViolations(page, 'direct: value');
    await w.value('150 000', '1');
    expect(await page.getByTestId('value-total').innerText()).toMatch(/150\s000 kr/);
    await w.expectPanelVerdict('direct-award', 'recommended');
    await w.next();
    await w.expectStep('Leverantör');
    await expectNoAxeViolations(page, 'direct: supplier');
    await w.choose('Tilltänkt leverantör', 'ingen särskild leverantör');
    await screenshot(page, 'direct-supplier');
    await w.next();
    // No partnership step: IOP cannot be in question for this supplier.
    await w.expectStep('Granska svaren');
    await expectNoAxeViolations(page, 'direct: review');
    await w.toRecommendation();
    await expectNoAxeViolations(page, 'direct: recommendation');
    expect(await w.recommendedRoute()).toBe('direct-award');
    expect(await w.documentVerdict('iop')).toBe('not-allowed');
    await screenshot(page, 'direct-recommendation');
    await page.close();
  });

  it('recommends social considerations for a 3 000 000 kr cleaning contract outside bilaga 2', async () => {
    const page = await openPage(browser);
    const w = await start(page, 'social', 'tjänster');
    await w.choose('Sociala och andra särskilda tjänster (LOU bilaga 2)', 'Nej');
    await page.getByLabel('CPV-kod (om den är känd)').fill('90910000-9');
    await w.next();
    await w.value('1 000 000', '3');
    await w.expectPanelVerdict('direct-award', 'not-allowed');
    await w.next();
    await w.choose('Tilltänkt leverantör', 'ingen särskild leverantör');
    await w.next();
    await w.toRecommendation();
    expect(await w.recommendedRoute()).toBe('social-considerations');
    expect(await w.documentVerdict('direct-award')).toBe('not-allowed');
    await page.close();
  });

  it('recommends a reserved contract for 1 500 000 kr of services from a social enterprise with 40 % disadvantaged', async () => {
    const page = await openPage(browser);
    const w = await start(page, 'reserved', 'tjänster');
    await w.choose('Sociala och andra särskilda tjänster (LOU bilaga 2)', 'Nej');
    await w.next();
    await w.value('750 000', '2');
    await w.next();
    await w.expectStep('Leverantör');
    await w.choose('Tilltänkt leverantör', 'ett socialt företag');
    await w.fill('Andel sysselsatta med funktionsnedsättning eller långt från arbetsmarknaden', '40');
    await w.choose('Leverantörens främsta syfte är social och yrkesmässig integration', 'Ja');
    await w.expectPanelVerdict('reserved-contract', 'recommended');
    await expectNoAxeViolations(page, 'reserved: supplier with share');
    await screenshot(page, 'reserved-supplier');
    await w.next();
    await w.toRecommendation();
    expect(await w.recommendedRoute()).toBe('reserved-contract');
    expect(await w.documentVerdict('direct-award')).toBe('not-allowed');
    await page.close();
  });

  it('recommends IOP for an idéburen partnership with no payment for a service, and asks the partnership questions', async () => {
    const page = await openPage(browser);
    const w = await start(page, 'iop', 'tjänster');
    await w.next();
    await w.value('400 000', '1');
    await w.next();
    await w.choose('Tilltänkt leverantör', 'en idéburen organisation');
    await w.next();
    await w.expectStep('Partnerskap (IOP)');
    await expectNoAxeViolations(page, 'iop: partnership');
    await w.choose('Hur får organisationen betalt?', 'Ett fast bidrag till organisationens egen verksamhet');
    await w.choose('Verksamheten bygger på den idéburna organisationens eget initiativ', 'Ja');
    await w.choose('Organisationen bidrar med egna resurser (pengar, lokaler eller ideellt arbete)', 'Ja');
    await w.choose('Parterna har ett gemensamt formulerat allmännyttigt mål', 'Ja');
    // Whether a market exists decides no verdict since rule set 2026.12.1 (HFD 2020 ref. 15), so it is not asked here.
    expect(await page.getByText('Det finns en marknad av privata eller kommersiella utförare för verksamheten').count()).toBe(0);
    await w.expectPanelVerdict('iop', 'recommended');
    await screenshot(page, 'iop-partnership');
    await w.next();
    await w.toRecommendation();
    expect(await w.recommendedRoute()).toBe('iop');
    await page.close();
  });
});

describe('the CPV code answers what a procurer cannot', () => {
  it('shows what a code says with the list heading quoted, fills the answers on request and points out a contradiction', async () => {
    const page = await openPage(browser);
    const w = await start(page, 'cpv', 'tjänster');
    await w.choose('Sociala och andra särskilda tjänster (LOU bilaga 2)', 'Nej');
    await page.getByLabel('CPV-kod (om den är känd)').fill('85311100-3');
    const panel = page.getByRole('region', { name: 'Vad CPV-koden 85311100-3 säger' });
    await panel.waitFor();
    expect(await panel.innerText()).toContain('står i listan som 85000000-9 "Hälso- och sjukvård samt socialvård" till och med 85323000-9 "Kommunal hälso- och sjukvård"');
    expect(await panel.innerText()).toContain('stämmer inte med koden');
    await expectNoAxeViolations(page, 'cpv: derivation with a contradiction');
    await screenshot(page, 'cpv-derivation');
    await panel.getByRole('button', { name: 'Använd kodens svar' }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'Ja' }).first().isChecked()).toBe(true);
    expect(await panel.innerText()).not.toContain('stämmer inte med koden');
    await page.getByLabel('CPV-kod (om den är känd)').fill('13311100-3');
    expect(await page.getByText('Det finns ingen huvudgrupp 13 i CPV').count()).toBe(1);
    await page.close();
  });
});

describe('the CPV code alone takes the procurer through the purchase step', () => {
  it('fills the questions the code answers, refuses a wrong check digit at the field, and goes on without a click on the code', async () => {
    const page = await openPage(browser);
    const w = wizard(page);
    await w.organisationAndDate('Ljungby kommun', today);
    await w.next();
    await w.expectStep('Vad som köps');
    const code = page.getByLabel('CPV-kod (om den är känd)');
    // A listed code with the wrong check digit is refused as typed, answers nothing, and Nästa stays on the step.
    await code.fill('98133000-5');
    await expectFieldError(page, 'CPV-kod (om den är känd)', /Kontrollsiffran för 98133000 är 4 \(98133000-4\), inte 5/);
    await w.next();
    await expectFieldError(page, 'CPV-kod (om den är känd)', /Kontrollsiffran för 98133000 är 4/);
    expect(await w.heading()).toContain('Vad som köps');
    await expectNoAxeViolations(page, 'cpv: wrong check digit at the field');
    // The right code answers "Vad som köps" by itself, and says so; Nästa goes on.
    await code.fill('98133000-4');
    const panel = page.getByRole('region', { name: 'Vad CPV-koden 98133000-4 säger' });
    await panel.waitFor();
    expect(await panel.innerText()).toContain('ifyllda från CPV-koden');
    await expect.poll(() => page.getByRole('group', { name: 'Vad som köps', exact: true }).getByLabel('tjänster', { exact: true }).isChecked()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Använd kodens svar' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'cpv: answered by the code');
    await screenshot(page, 'cpv-answered-by-code');
    // Taken back with the code: a code removed leaves no answer it gave that nobody chose, and typed again it answers again.
    const kind = page.getByRole('group', { name: 'Vad som köps', exact: true }).getByLabel('tjänster', { exact: true });
    await code.fill('');
    await expect.poll(() => kind.isChecked()).toBe(false);
    await code.fill('98133000-4');
    await expect.poll(() => kind.isChecked()).toBe(true);
    await w.next();
    await w.expectStep('Värde');
    await page.close();
  });
});

describe('the wizard keeps what the procurer has said', () => {
  it('shows a Swedish error at the field for invalid input and loses no earlier answer', async () => {
    const page = await openPage(browser);
    const w = wizard(page);
    await w.next();
    await expectFieldError(page, 'Organisation', /Välj ett alternativ/);
    await w.organisationAndDate('Ljungby kommun', '2015-01-01');
    await w.next();
    await expectFieldError(page, 'Beslutsdatum', /från och med 2018-01-01/);
    await w.organisationAndDate('Ljungby kommun', today);
    await w.next();
    await w.choose('Vad som köps', 'varor');
    await w.next();
    await w.fill('Värde per år exklusive moms (vid engångsköp: hela värdet)', 'hundra tusen');
    await w.fill('Avtalstid med förlängningar', '0');
    await w.next();
    await expectFieldError(page, 'Värde per år exklusive moms (vid engångsköp: hela värdet)', /Ange värdet i kronor/);
    await expectFieldError(page, 'Avtalstid med förlängningar', /större än 0/);
    await expectNoAxeViolations(page, 'value with errors');
    await screenshot(page, 'value-errors');
    await w.back();
    await w.expectStep('Vad som köps');
    expect(await page.getByRole('group', { name: 'Vad som köps' }).getByLabel('varor').isChecked()).toBe(true);
    await w.back();
    expect(await page.getByLabel('Beslutsdatum').inputValue()).toBe(today);
    await page.close();
  });

  it('resumes after a reload mid-way, at the same step with every answer', async () => {
    const page = await openPage(browser);
    const w = await start(page, 'resume', 'tjänster');
    await w.next();
    await w.value('750 000', '2');
    await w.next();
    await w.expectStep('Leverantör');
    await w.choose('Tilltänkt leverantör', 'ett socialt företag');
    await w.expectPanelVerdict('iop', 'not-allowed');
    const routes = ['direct-award', 'social-considerations', 'reserved-contract', 'iop'];
    const before = await Promise.all(routes.map((r) => w.panelVerdict(r)));
    await page.reload();
    await w.expectStep('Leverantör');
    expect(await page.getByRole('group', { name: 'Tilltänkt leverantör' }).getByLabel('ett socialt företag').isChecked()).toBe(true);
    await w.expectPanelVerdict('iop', 'not-allowed');
    expect(await Promise.all(routes.map((r) => w.panelVerdict(r)))).toEqual(before);
    await w.back();
    expect(await page.getByLabel('Värde per år exklusive moms (vid engångsköp: hela värdet)').inputValue()).toBe('750000');
    expect(await page.getByTestId('value-total').innerText()).toMatch(/1\s500\s000 kr/);
    await page.close();
  });

  it('exports the draft as JSON and imports it again after starting over', async () => {
    const page = await openPage(browser);
    const w = await start(page, 'export', 'tjänster');
    await w.next();
    await w.value('750 000', '2');
    await w.next();
    await w.expectStep('Leverantör');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera utkast' }).click()]);
    const file = await download.path();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Börja om' }).click();
    await w.expectStep('Organisation och datum');
    await page.getByLabel('Importera utkast').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"nej"}') });
    await page.getByRole('alert').filter({ hasText: 'Filen är inget Vägval-beslutsunderlag' }).waitFor();
    await page.getByLabel('Importera utkast').setInputFiles(file);
    await w.expectStep('Leverantör');
    await w.back();
    expect(await page.getByTestId('value-total').innerText()).toMatch(/1\s500\s000 kr/);
    await page.close();
  });

  it('prints a clean decision document: headings, answers, reasons and sources, without the app around it', async () => {
    const page = await openPage(browser);
    const w = await start(page, 'print', 'varor');
    await w.next();
    await w.value('150 000', '1');
    await w.next();
    await w.choose('Tilltänkt leverantör', 'ingen särskild leverantör');
    await w.next();
    await w.toRecommendation();
    await page.getByLabel('Motivering').fill('Engångsköp under gränsen; tre offerter jämfördes.');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('.progress').isVisible()).toBe(false);
    expect(await page.locator('.decision-form').isVisible()).toBe(false);
    const doc = page.locator('.decision-document');
    expect(await doc.getByRole('heading', { name: 'Beslut om upphandlingsväg' }).isVisible()).toBe(true);
    const text = await doc.innerText();
    for (const expected of ['Ljungby kommun', today, 'Vägvals rekommendation', 'Bilaga: skäl, källor och gränsvärden', 'Bedömning av varje väg', 'Svar', 'Engångsköp under gränsen']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/150\s000\skr/);
    expect(await doc.locator('.source-quote').count()).toBeGreaterThan(3);
    // The limits the verdicts read are listed; a 2026 EU threshold no verdict of this purchase reads is not.
    expect(text).toContain('Gränsvärden som bedömningen bygger på');
    expect(await doc.locator('[data-parameter="direct-award-limit"]').innerText()).toMatch(/700\s000 kr, gäller från/);
    expect(await doc.locator('[data-parameter="eu-threshold-works"]').count()).toBe(0);
    await screenshot(page, 'print-preview');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.close();
  });
});
