import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { wizard } from './support/wizard-driver';

// Answers mean what the procurer meant.
const today = '2026-11-22';
const annual = 'Värde per år exklusive moms (vid engångsköp: hela värdet)';
const share = 'Andel sysselsatta med funktionsnedsättning eller långt från arbetsmarknaden';
const desktop = { width: 1366, height: 768 };
const phone = { width: 390, height: 844 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** axe at a desktop and a phone width, and a screenshot of each for a person to look at. */
async function checkBothWidths(page: Page, name: string) {
  for (const [size, viewport] of [['desktop', desktop], ['phone', phone]] as const) {
    await page.setViewportSize(viewport);
    await expectNoAxeViolations(page, `${name} at ${size}`);
    await screenshot(page, `answers-${name}-${size}`);
  }
  await page.setViewportSize(desktop);
}

/** The error (or question) tied to a field by aria-describedby. */
async function fieldMessage(page: Page, label: string): Promise<string> {
  const field = page.getByLabel(label, { exact: true });
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const errorId = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').find((id) => id.endsWith('-error'));
  return page.locator(`[id="${errorId}"]`).innerText();
}

async function toValueStep(page: Page, organisation = 'Ljungby kommun', description = 'Städning av tre skolor') {
  const w = wizard(page);
  await w.organisationAndDate(organisation, today);
  await w.next();
  await w.expectStep('Vad som köps');
  await page.getByLabel('Beskrivning av köpet').fill(description);
  await w.choose('Vad som köps', 'tjänster');
  await w.choose('Sociala och andra särskilda tjänster (LOU bilaga 2)', 'Nej');
  await w.next();
  await w.expectStep('Värde');
  return w;
}

describe('numbers are read as the procurer meant them', () => {
  it('asks "Menade du 225 000 kr?" for "225.000" at the field, reads nothing until answered, and takes the answer', async () => {
    const page = await openPage(browser);
    await page.setViewportSize(desktop);
    const w = await toValueStep(page);
    await page.getByLabel(annual).fill('225.000');
    await page.getByLabel('Avtalstid med förlängningar').fill('2');
    expect(await fieldMessage(page, annual)).toMatch(/^⚠?\s*Menade du 225\s000 kr\?$/);
    expect(await page.getByTestId('value-total').innerText()).toBe('–');
    // The direct award is not judged on 450 kr: the value is still unknown to the engine.
    expect(await w.panelVerdict('direct-award')).not.toBe('recommended');
    await checkBothWidths(page, 'sum-suggestion');

    await page.getByRole('button', { name: 'Ja, 225 000 kr' }).click();
    expect(await page.getByLabel(annual).inputValue()).toBe('225 000');
    await expect.poll(() => page.getByLabel(annual).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByTestId('value-total').innerText()).toMatch(/^450\s000 kr$/);
    expect(await page.getByLabel(annual).getAttribute('aria-invalid')).toBeNull();
    await page.close();
  });

  it('reads "1,5 mkr" as 1 500 000 kr and warns, without stopping, about 0 kr', async () => {
    const page = await openPage(browser);
    await toValueStep(page);
    await page.getByLabel(annual).fill('1,5 mkr');
    await page.getByLabel('Avtalstid med förlängningar').fill('2');
    expect(await page.getByTestId('value-total').innerText()).toMatch(/^3\s000\s000 kr$/);
    expect(await page.getByTestId('value-sum').innerText()).toMatch(/1\s500\s000 kr per år × 2 år = 3\s000\s000 kr/);
    await page.getByLabel(annual).fill('0');
    await expect.poll(() => page.locator('.field__warning').first().innerText()).toMatch(/^Värdet är 0 kr\. Stämmer det\?/);
    expect(await page.getByLabel(annual).getAttribute('aria-invalid')).toBeNull();
    await screenshot(page, 'answers-zero-warning');
    await page.close();
  });

  it('asks "Menade du 40 %?" for a share of "0,4", and "Nej" keeps 0,4 % with its sign', async () => {
    const page = await openPage(browser);
    await page.setViewportSize(desktop);
    const w = await toValueStep(page);
    await w.value('750 000', '2');
    await w.next();
    await w.expectStep('Leverantör');
    await w.choose('Tilltänkt leverantör', 'ett socialt företag');
    await page.getByLabel(share).fill('0,4');
    expect(await fieldMessage(page, share)).toMatch(/Menade du 40 %\?$/);
    await checkBothWidths(page, 'share-suggestion');
    await page.getByRole('button', { name: 'Nej, 0,4 %' }).click();
    expect(await page.getByLabel(share).inputValue()).toBe('0,4 %');
    await page.getByLabel(share).fill('0,4');
    await page.getByRole('button', { name: 'Ja, 40 %' }).click();
    expect(await page.getByLabel(share).inputValue()).toBe('40');
    expect(await page.getByLabel(share).getAttribute('aria-invalid')).toBeNull();
    await page.close();
  });
});

describe('the value the way contracts state it', () => {
  it('takes one sum for the whole term, shows the total with its parts, and the help for the total under it', async () => {
    const page = await openPage(browser);
    await page.setViewportSize(desktop);
    const w = await toValueStep(page);
    await w.choose('Hur anges priset i avtalet eller offerten?', 'Som en summa för hela avtalstiden');
    await page.getByLabel('Avtalets värde för hela avtalstiden exklusive moms, utan optioner').fill('450 000');
    await page.getByLabel('Avtalstid med förlängningar').fill('2');
    await page.getByLabel('Optioner exklusive moms').fill('50 000');
    await w.choose('Har ni köpt, eller ska ni köpa, liknande varor eller tjänster under de föregående eller kommande tolv månaderna?', 'Ja');
    await page.getByLabel('Värdet av liknande köp inom 12 månader').fill('80 tkr');
    expect(await page.getByTestId('value-total').innerText()).toMatch(/^580\s000 kr$/);
    const lines = (await page.getByTestId('value-sum').innerText()).split('\n');
    expect(lines.map((l) => l.replace(/\s/g, ' '))).toEqual([
      'Avtalets värde för hela avtalstiden (2 år): 450 000 kr',
      '+ optioner: 50 000 kr',
      '+ liknande köp inom 12 månader: 80 000 kr',
      '= 580 000 kr exklusive moms',
    ]);
    const total = page.getByRole('group', { name: 'Uppskattat värde över hela löptiden' });
    expect(await total.innerText()).toMatch(/Hela beloppet exklusive moms för hela avtalstiden/);
    await checkBothWidths(page, 'value-total-mode');
    // The value per year it implies reaches the record, so the sum adds up there too.
    await w.next();
    await w.choose('Tilltänkt leverantör', 'ingen särskild leverantör');
    await w.next();
    await w.expectStep('Granska svaren');
    expect(await page.locator('main').innerText()).toMatch(/225\s000 kr/);
    await page.close();
  });
});

describe('every question explains itself', () => {
  it('says what the four routes are on the first step, and at each question a plain line and an example', async () => {
    const page = await openPage(browser);
    const glossary = page.getByRole('region', { name: 'De fyra vägarna' });
    for (const name of ['Direktupphandling', 'Upphandling enligt LOU med sociala hänsyn', 'Reserverad upphandling', 'Idéburet offentligt partnerskap (IOP)']) {
      await glossary.getByText(name, { exact: true }).waitFor();
    }
    expect(await glossary.innerText()).toMatch(/utanför LOU bara om det inte är ett köp/);
    const w = await toValueStep(page);
    await w.value('750 000', '2');
    await w.next();
    const kind = page.getByRole('group', { name: 'Tilltänkt leverantör', exact: true });
    expect(await kind.innerText()).toMatch(/Ett socialt företag är ett företag.*En idéburen organisation är en juridisk person/s);
    expect(await kind.innerText()).toMatch(/Exempel: Ett arbetsintegrerande kooperativ/);
    await checkBothWidths(page, 'supplier-help');
    await page.close();
  });
});

describe('the IOP payment question asks how the organisation is paid', () => {
  it('points at the question from a description that says "per besökare", and per visitor makes IOP not allowed', async () => {
    const page = await openPage(browser);
    await page.setViewportSize(desktop);
    const w = wizard(page);
    await w.organisationAndDate('Motala kommun', today);
    await w.next();
    await page.getByLabel('Beskrivning av köpet').fill('Träffpunkt för äldre där kommunen betalar 150 kr per besökare');
    await w.choose('Vad som köps', 'tjänster');
    await w.choose('Sociala och andra särskilda tjänster (LOU bilaga 2)', 'Nej');
    await w.next();
    await w.value('300 000', '1');
    await w.next();
    await w.choose('Tilltänkt leverantör', 'en idéburen organisation');
    await page.getByLabel('Ett idéburet offentligt partnerskap (IOP) är tänkt').check();
    await w.next();
    await w.expectStep('Partnerskap (IOP)');
    const question = page.getByRole('group', { name: 'Hur får organisationen betalt?' });
    expect(await question.getByTestId('payment-cue').innerText()).toMatch(/I beskrivningen av köpet står det ”per besökare”/);
    await w.choose('Verksamheten bygger på den idéburna organisationens eget initiativ', 'Ja');
    await w.choose('Organisationen bidrar med egna resurser (pengar, lokaler eller ideellt arbete)', 'Ja');
    await w.choose('Parterna har ett gemensamt formulerat allmännyttigt mål', 'Ja');
    await w.choose('Det finns en marknad av privata eller kommersiella utförare för verksamheten', 'Nej');
    await w.choose('Hur får organisationen betalt?', 'Per besökare, plats, timme eller deltagare');
    await w.expectPanelVerdict('iop', 'not-allowed');
    await checkBothWidths(page, 'iop-payment');
    await w.choose('Hur får organisationen betalt?', 'Ett fast bidrag till organisationens egen verksamhet');
    await w.expectPanelVerdict('iop', 'recommended');
    await page.close();
  });
});
