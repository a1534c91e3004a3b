import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfText } from '../support/pdf-text';
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

const flat = (text: string) => text.replace(/\s+/g, ' ');
const justification = 'Värdet 450 000 kr ligger under direktupphandlingsgränsen. Tre offerter begärs, bland dem från det arbetsintegrerande sociala företaget.';

/** Ljungby's cleaning, as a procurer there described it: 450 000 kr over two years from a work-integrating social enterprise with 40 % from the target group. */
async function ljungbyCleaning(page: Page) {
  const w = wizard(page);
  await w.expectStep('Organisation och datum');
  await w.organisationAndDate('Ljungby kommun', '2026-11-22');
  await w.next();
  await w.choose('Vad som köps', 'tjänster');
  await page.getByLabel('Beskrivning av köpet').fill('Lokalvård i kommunens förskolor');
  await w.choose('Sociala och andra särskilda tjänster (LOU bilaga 2)', 'Nej');
  await w.next();
  await w.value('225 000', '2');
  await w.next();
  await w.expectStep('Leverantör');
  await w.choose('Tilltänkt leverantör', 'ett socialt företag');
  await w.fill('Andel sysselsatta med funktionsnedsättning eller långt från arbetsmarknaden', '40');
  await w.choose('Leverantörens främsta syfte är social och yrkesmässig integration', 'Ja');
  await w.next();
  await w.toRecommendation();
  await page.getByLabel('Motivering', { exact: true }).fill(justification);
  return w;
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('the decision document for the diarium', () => {
  it('prints the decision on page 1 and the reasons, sources and limits as an appendix, with page numbers and the disclaimer on every page', async () => {
    const page = await openPage(browser);
    await ljungbyCleaning(page);
    await expectNoAxeViolations(page, 'document: recommendation page, desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'document: recommendation page, phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Spara i beslutsregistret' }).click();
    const number = page.getByTestId('register-number');
    await expect.poll(() => number.innerText(), { timeout: 30_000 }).toMatch(/^nr \d+$/);
    const id = Number((await number.innerText()).slice(3));
    await expectNoAxeViolations(page, 'document: saved');

    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'decision-document-print');
    const pdf = await page.pdf({ format: 'A4' });
    const pages = Number(pdfInfo(pdf).Pages);
    const page1 = flat(pdfText(pdf, 1));
    for (const expected of [
      'Beslut om upphandlingsväg',
      'Organisation Ljungby kommun',
      'Köp Lokalvård i kommunens förskolor (tjänster)',
      'Uppskattat värde 450 000 kr exklusive moms (225 000 kr per år × 2 år)',
      'Vald väg Direktupphandling Rekommenderas',
      'Vägvals rekommendation Direktupphandling.',
      flat(justification),
      `nr ${id}`,
      'Kvitto',
      'Beslutat av',
      'Diarienummer',
      'Underskrift',
      'Namnförtydligande',
      `Sida 1 av ${pages}`,
      'Utskrivet',
      'Vägval ger stöd, inte juridisk rådgivning.',
    ]) {
      expect(page1, `page 1 says "${expected}"`).toContain(expected);
    }
    expect(page1).toMatch(/Regelverk \d{4}\.\d{2}\.\d+ [0-9a-f]{64}/);
    expect(page1).not.toContain('Bedömning av varje väg');
    expect(flat(pdfText(pdf, 2))).toContain('Bilaga: skäl, källor och gränsvärden');
    for (let n = 2; n <= pages; n++) {
      const text = flat(pdfText(pdf, n));
      expect(text, `page ${n}`).toContain(`Sida ${n} av ${pages}`);
      expect(text, `page ${n}`).toContain('Vägval ger stöd, inte juridisk rådgivning.');
    }
    // Only the limits the verdicts read: the works threshold does not bear on a services purchase.
    const appendix = flat(pdfText(pdf, 2, pages));
    expect(appendix).toContain('Gränsvärden som bedömningen bygger på');
    expect(await page.locator('[data-parameter="direct-award-limit"]').count()).toBe(1);
    expect(await page.locator('[data-parameter="eu-threshold-works"]').count()).toBe(0);
    // A URL wraps after a slash, never inside a word or at a hyphen.
    const joinedAtSlashes = pdfText(pdf, 2, pages).replace(/([/?&=])[ \t]*\n\s*/g, '$1');
    const urls = await page.locator('.sheet-source__url').allInnerTexts();
    expect(urls.length).toBeGreaterThan(0);
    for (const url of new Set(urls)) expect(joinedAtSlashes, `${url} is whole once rejoined at its slashes`).toContain(url);
    await page.emulateMedia({ media: 'screen' });

    // The same document as a PDF file (react-pdf, loaded on demand), named as a decision with its number.
    const file = await download(page, 'Ladda ner som PDF');
    expect(file.name).toBe(`vagval-beslut-ljungby-2026-11-22-nr-${id}.pdf`);
    const filePage1 = flat(pdfText(file.bytes, 1));
    for (const expected of ['Beslut om upphandlingsväg', 'Organisation Ljungby kommun', 'Vald väg Direktupphandling (Rekommenderas)', `Nummer i beslutsregistret nr ${id}`, 'Sida 1 av']) {
      expect(filePage1).toContain(expected);
    }
    expect(pdfInfo(file.bytes).Title).toBe('Beslut om upphandlingsväg: Ljungby kommun, 2026-11-22');
    const markdown = await download(page, 'Ladda ner som Markdown');
    expect(markdown.name).toBe(`vagval-beslut-ljungby-2026-11-22-nr-${id}.md`);
    const draft = await download(page, 'Exportera utkast');
    expect(draft.name).toBe('vagval-utkast-ljungby-2026-11-22.json');

    // From the register's record view: the same PDF, under the rule set the decision was made with.
    await page.goto(page.url().replace(/#.*$/, '#/register'));
    const open = page.getByRole('button', { name: `Öppna beslut ${id}`, exact: true });
    await open.click();
    await page.getByRole('heading', { name: `Beslut nr ${id}` }).waitFor();
    const fromRegister = await download(page, 'Ladda ner beslutet som PDF');
    expect(fromRegister.name).toBe(`vagval-beslut-ljungby-2026-11-22-nr-${id}.pdf`);
    const registerPage1 = flat(pdfText(fromRegister.bytes, 1));
    for (const expected of ['Vald väg Direktupphandling (Rekommenderas)', `Nummer i beslutsregistret nr ${id}`, flat(justification), 'Sparat av']) {
      expect(registerPage1).toContain(expected);
    }
    await expectNoAxeViolations(page, 'register: record view with the PDF download');
    await page.close();
  });

  it('still carries its register number and receipt after a reload: on page 1, in the PDF file and in its name', async () => {
    const page = await openPage(browser);
    await ljungbyCleaning(page);
    await page.getByRole('button', { name: 'Spara i beslutsregistret' }).click();
    const number = page.getByTestId('register-number');
    await expect.poll(() => number.innerText(), { timeout: 30_000 }).toMatch(/^nr \d+$/);
    const id = Number((await number.innerText()).slice(3));
    const receipt = page.getByTestId('receipt');
    const receiptBefore = await receipt.innerText();

    await page.reload();
    await page.getByRole('button', { name: `Sparat som nr ${id}` }).waitFor();
    await expect.poll(() => number.innerText(), { timeout: 30_000 }).toBe(`nr ${id}`);
    const after = flat(await page.locator('.decision-document').innerText());
    expect(after).not.toContain('inte sparat i beslutsregistret');
    expect(after).toContain('Sparat av');
    // The same receipt, unless the register has signed it into a checkpoint since: then the newer one.
    expect(await receipt.innerText()).toContain(`${id}`);
    expect(receiptBefore).toContain(`${id}`);

    await page.emulateMedia({ media: 'print' });
    const page1 = flat(pdfText(await page.pdf({ format: 'A4' }), 1));
    expect(page1).toContain(`nr ${id}`);
    expect(page1).not.toContain('inte sparat');
    await page.emulateMedia({ media: 'screen' });
    const file = await download(page, 'Ladda ner som PDF');
    expect(file.name).toBe(`vagval-beslut-ljungby-2026-11-22-nr-${id}.pdf`);
    expect(flat(pdfText(file.bytes, 1))).toContain(`Nummer i beslutsregistret nr ${id}`);
    // The print dialog's "Spara som PDF" names the file after the page's title: while printing, the same name.
    const titleBefore = await page.title();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.title()).toBe(`vagval-beslut-ljungby-2026-11-22-nr-${id}`);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.title()).toBe(titleBefore);

    // Once the decision changes, it is no longer the record that was saved: the document says so again.
    await page.getByLabel('Motivering', { exact: true }).fill(`${justification} Ändrad.`);
    await expect.poll(() => number.innerText()).not.toBe(`nr ${id}`);
    await page.close();
  });

  it('after a failed save moves focus to the first field that stops it, and refuses at the field text it could not print or that reads otherwise than stored', async () => {
    const page = await openPage(browser);
    await ljungbyCleaning(page);
    const justificationField = page.getByLabel('Motivering', { exact: true });
    await justificationField.fill('');
    // Straight from the emptied field to Save with the pointer: the click is not lost to the error appearing.
    await page.getByRole('button', { name: 'Spara i beslutsregistret' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/-justification$/);

    await justificationField.fill('Tre offerter \u202eIOP');
    await justificationField.blur();
    await expect.poll(() => justificationField.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await justificationField.getAttribute('aria-describedby'))!.split(' ').at(-1)!;
    expect(await page.locator(`#${errorId}`).innerText()).toContain('Texten innehåller ett tecken som vänder läsriktningen (U+202E)');
    await page.getByRole('button', { name: 'Spara i beslutsregistret' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/-justification$/);
    expect(await page.getByTestId('register-number').innerText()).not.toMatch(/^nr \d+$/);
    await justificationField.fill('Tre offerter: 决定');
    await expect.poll(() => page.locator(`#${errorId}`).innerText()).toContain('som beslutsunderlaget inte kan skriva ut');
    await expectNoAxeViolations(page, 'decision form: text refused at the field');
    await page.close();
  });

  it('takes who decided and the diarienummer, says at the field what is wrong, and prints them on page 1 and in the register', async () => {
    const page = await openPage(browser);
    await ljungbyCleaning(page);
    const name = page.getByLabel('Namn', { exact: true });
    const title = page.getByLabel('Befattning eller roll', { exact: true });
    const diarienummer = page.getByLabel('Diarienummer (valfritt)', { exact: true });
    // A name without its title, and a diarienummer pasted with a whole sentence: each is said at its field.
    await name.fill('Anna Svensson');
    await title.focus();
    await title.blur();
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await title.getAttribute('aria-describedby').then((d) => d!.split(' ').at(-1))}`).innerText()).toMatch(/^Skriv beslutsfattarens befattning/);
    await diarienummer.fill('KS 2026/123 – upphandling av lokalvård i förskolorna');
    await diarienummer.blur();
    await expect.poll(() => diarienummer.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.getByText('Diarienumret får vara högst 40 tecken – nu är det 52.').count()).toBe(1);
    await expectNoAxeViolations(page, 'decision form: decision maker and diarienummer errors');
    await page.getByRole('button', { name: 'Spara i beslutsregistret' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Diarienumret är fel' }).count()).toBe(1);
    expect(await page.getByTestId('register-number').innerText()).not.toMatch(/^nr \d+$/);

    await title.fill('upphandlingschef');
    await diarienummer.fill('KS 2026/123');
    await expect.poll(() => diarienummer.getAttribute('aria-invalid')).toBe(null);
    await page.getByRole('button', { name: 'Spara i beslutsregistret' }).click();
    const number = page.getByTestId('register-number');
    await expect.poll(() => number.innerText(), { timeout: 30_000 }).toMatch(/^nr \d+$/);
    const id = Number((await number.innerText()).slice(3));
    await page.emulateMedia({ media: 'print' });
    const page1 = flat(pdfText(await page.pdf({ format: 'A4' }), 1));
    expect(page1).toContain('Beslutat av Anna Svensson, upphandlingschef');
    expect(page1).toContain('Diarienummer KS 2026/123');
    for (const line of ['Underskrift', 'Namnförtydligande', 'Ort och datum']) expect(page1).toContain(line);
    await page.emulateMedia({ media: 'screen' });

    await page.goto(page.url().replace(/#.*$/, `#/register/beslut/${id}`));
    await page.getByRole('heading', { name: `Beslut nr ${id}` }).waitFor();
    await expect.poll(async () => flat(await page.locator('main').innerText()), { timeout: 30_000 }).toContain('Diarienummer KS 2026/123');
    expect(flat(await page.locator('main').innerText())).toContain('Beslutat av Anna Svensson, upphandlingschef');
    await expectNoAxeViolations(page, 'register: record view with who decided and the diarienummer');
    const fromRegister = flat(pdfText((await download(page, 'Ladda ner beslutet som PDF')).bytes, 1));
    expect(fromRegister).toContain('Beslutat av Anna Svensson, upphandlingschef');
    expect(fromRegister).toContain('Diarienummer KS 2026/123');
    await page.close();
  });

  it('flags on its first line a chosen route judged not allowed, with the reason for deviating', async () => {
    const page = await openPage(browser);
    await ljungbyCleaning(page);
    await page.getByLabel('Vald väg', { exact: true }).selectOption('iop');
    // A route judged not allowed needs the acknowledgement and the reason for departing from the assessment.
    await page.getByLabel('Jag vet att vald väg är bedömd som inte tillåten', { exact: false }).check();
    const deviation = page.getByLabel('Skäl att avvika från bedömningen', { exact: false });
    await deviation.fill('Föreningen vill driva verksamheten som partnerskap.');
    await page.getByTestId('deviation-flag').waitFor();
    expect(await page.getByTestId('deviation-flag').innerText()).toBe('Avviker: vald väg bedömd som inte tillåten');
    await expectNoAxeViolations(page, 'document: deviating, desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'document: deviating, phone');
    await page.emulateMedia({ media: 'print' });
    const page1 = flat(pdfText(await page.pdf({ format: 'A4' }), 1));
    expect(page1.indexOf('Avviker: vald väg bedömd som inte tillåten')).toBeLessThan(page1.indexOf('Organisation Ljungby kommun'));
    expect(page1).toContain('Vald väg Idéburet offentligt partnerskap (IOP) Inte tillåten');
    expect(page1).toContain('Föreningen vill driva verksamheten som partnerskap.');
    await screenshot(page, 'decision-document-deviation-print');
    await page.close();
  });
});
