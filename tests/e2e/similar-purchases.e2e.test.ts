import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text';
import { expectNoAxeViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { wizard } from './support/wizard-driver';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// A line may wrap after the hyphen of a date in the printed page: read it back joined.
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/(\d)- (\d)/g, '$1-$2');
const supplier = { name: 'Städkooperativet Glimten', orgNumber: '769612-3459' };

/** Motala's cleaning of the youth centre, bought directly from the same cooperative in spring and again in autumn. */
async function planCleaning(page: Page, date: string, description: string, annual: string) {
  const w = wizard(page);
  await w.expectStep('Organisation och datum');
  await w.organisationAndDate('Motala kommun', date);
  await w.next();
  await w.choose('Vad som köps', 'tjänster');
  await page.getByLabel('Beskrivning av köpet').fill(description);
  await w.choose('Sociala och andra särskilda tjänster (LOU bilaga 2)', 'Nej');
  await w.next();
  await w.value(annual, '1');
  await w.next();
  await w.expectStep('Leverantör');
  await w.choose('Tilltänkt leverantör', 'ingen särskild leverantör');
  await w.fill('Leverantörens namn (om det är känt)', supplier.name);
  await w.fill('Leverantörens organisationsnummer (om det är känt)', supplier.orgNumber);
  return w;
}

async function save(page: Page, justification: string): Promise<number> {
  await page.getByLabel('Motivering', { exact: true }).fill(justification);
  await page.getByRole('button', { name: 'Spara i beslutsregistret' }).click();
  const saved = page.getByRole('button', { name: /^Sparat som nr \d+$/ });
  await saved.waitFor();
  return Number(/nr (\d+)/.exec(await saved.innerText())?.[1]);
}

describe('split purchases caught before they happen (LOU 5 kap.)', () => {
  it('lists the earlier direct award to the same supplier, adds it to the value, and the printed decision records it', async () => {
    // The spring purchase, saved as a direct award.
    const spring = await openPage(browser);
    const w1 = await planCleaning(spring, '2026-05-04', 'Städning av fritidsgården, våren', '200 000');
    await expect.poll(() => spring.getByTestId('similar-purchases').getAttribute('data-status'), { timeout: 30_000 }).toBe('checked');
    await w1.next();
    await w1.toRecommendation();
    expect(await w1.recommendedRoute()).toBe('direct-award');
    const first = await save(spring, 'Lågt värde; städningen behövs under våren.');
    expect(first).toBeGreaterThan(0);
    await spring.context().close();

    // The autumn purchase from the same cooperative: the guide finds the spring one in the register.
    const page = await openPage(browser);
    await page.setViewportSize({ width: 1366, height: 900 });
    // First with no register to ask: it says so, plainly.
    await page.route('**/api/reports/similar**', (route) => route.abort('internetdisconnected'));
    const w = await planCleaning(page, '2026-11-22', 'Städning av fritidsgården, hösten', '300 000');
    const unchecked = page.getByTestId('similar-unchecked');
    await unchecked.waitFor({ timeout: 30_000 });
    expect(flat(await unchecked.innerText())).toContain('Vägval kunde inte kontrollera liknande köp: beslutsregistret gick inte att nå (ingen förbindelse med servern).');
    await expectNoAxeViolations(page, 'similar purchases: could not check, desktop');
    await screenshot(page, 'similar-purchases-unchecked');
    await page.unroute('**/api/reports/similar**');
    await unchecked.getByRole('button', { name: 'Försök igen' }).click();

    const item = page.getByTestId(`similar-${first}`);
    await item.waitFor({ timeout: 30_000 });
    expect(flat(await item.innerText())).toMatch(new RegExp(`Nr ${first}, 2026-05-04: Städning av fritidsgården, våren[\\s\\S]*Städkooperativet Glimten, ${supplier.orgNumber}[\\s\\S]*200 000 kr[\\s\\S]*Direktupphandling`));
    expect(await item.getByRole('link', { name: `Öppna beslut nr ${first} i registret` }).getAttribute('href')).toBe(`#/register/beslut/${first}`);
    await expectNoAxeViolations(page, 'similar purchases: found, desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'similar purchases: found, phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'similar-purchases-found-phone');
    await page.setViewportSize({ width: 1366, height: 900 });

    // Added with the keyboard: to the radio button, Space.
    const add = item.getByRole('radio', { name: /^Lägg till 200\s000 kr i det uppskattade värdet$/ });
    await add.focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => flat(await page.getByTestId('similar-summary').innerText())).toBe('Tillagt i det uppskattade värdet: 200 000 kr. Uppskattat värde: 500 000 kr.');
    await screenshot(page, 'similar-purchases-added');

    await w.next();
    await w.toRecommendation();
    const id = await save(page, 'Två städinsatser under samma år räknas ihop; tillsammans 500 000 kr, under direktupphandlingsgränsen.');
    expect(id).toBeGreaterThan(first);
    await expectNoAxeViolations(page, 'similar purchases: saved, desktop');

    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'similar-purchases-print');
    const pdf = await page.pdf({ format: 'A4' });
    const page1 = flat(pdfText(pdf, 1));
    expect(page1).toContain('Uppskattat värde 500 000 kr exklusive moms (300 000 kr per år × 1 år + liknande köp inom tolv månader 200 000 kr)');
    expect(page1).toContain(`Liknande köp (LOU 5 kap.) En liknande direktupphandling i beslutsregistret 2025-11-22 – 2027-11-22: tillagt i värdet: nr ${first} (200 000 kr).`);
    const all = flat(pdfText(pdf, 1, 99));
    expect(all).toContain(`nr ${first}, 2026-05-04: Städning av fritidsgården, våren`);
    expect(all).toContain('tillagt i det uppskattade värdet');
  });
});
