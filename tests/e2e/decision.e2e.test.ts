import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { appUrl, launchBrowser, screenshot } from './support/browser';
import { expectFieldError, wizard } from './support/wizard-driver';

// The moment of decision, walked as Motala's procurer would with the "IOP" that pays 150 kr per visitor.
const viewports = {
  desktop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
} as const;
type Viewport = keyof typeof viewports;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(viewport: Viewport): Promise<Page> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: viewports[viewport], ...(viewport === 'phone' ? { isMobile: true, hasTouch: true } : {}) });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(appUrl('#/'));
  await page.locator('#main').waitFor();
  return page;
}

const hashOf = (page: Page) => page.evaluate(() => window.location.hash);
const iopPayment = 'Hur får organisationen betalt?';
// Since rules 2026.12.1 a commercial market is a state-aid caution, not a question: the own contribution is the "Nej" that goes.
const contribution = 'Organisationen bidrar med egna resurser (pengar, lokaler eller ideellt arbete)';
const initiative = 'Verksamheten bygger på den idéburna organisationens eget initiativ';

/** Organisation to supplier for Motala's meeting place run by an association, paid per visitor. */
async function toPartnership(page: Page, viewport: Viewport) {
  const w = wizard(page);
  await w.expectStep('Organisation och datum');
  expect(await hashOf(page)).toBe('#/guide/organisation');
  await w.organisationAndDate('Motala kommun', '2026-11-22');
  await w.next();
  await w.expectStep('Vad som köps');
  expect(await hashOf(page)).toBe('#/guide/kop');
  // Before the value is known nothing is "Rekommenderas".
  await page.locator('[data-testid="verdict-panel"] li').first().waitFor();
  expect(await page.locator('[data-testid="verdict-panel"] li[data-shown="recommended"]').count()).toBe(0);
  expect(await page.locator('[data-testid="verdict-panel"]').innerText()).not.toMatch(/Rekommenderas/);
  await w.choose('Vad som köps', 'tjänster');
  await w.choose('Sociala och andra särskilda tjänster (LOU bilaga 2)', 'Ja');
  await page.getByLabel('Beskrivning av köpet').fill('Mötesplats för äldre, föreningen får 150 kr per besökare');
  await w.next();
  await w.expectStep('Värde');
  expect(await hashOf(page)).toBe('#/guide/varde');
  await w.value('150 000', '2');
  if (viewport === 'phone') {
    // On a phone a compact verdict bar stays at the top while answering.
    const bar = page.getByTestId('verdict-bar');
    await bar.waitFor();
    await page.mouse.wheel(0, 600);
    await expect.poll(async () => (await bar.boundingBox())?.y ?? 999).toBeLessThan(5);
    await screenshot(page, `decision-${viewport}-value-bar`);
    await page.mouse.wheel(0, -2000);
  } else {
    expect(await page.getByTestId('verdict-bar').isVisible()).toBe(false);
  }
  await expectNoAxeViolations(page, `${viewport}: value`);

  // A reload stays on the step, Back goes one step back inside the guide, Forward returns.
  await page.reload();
  await w.expectStep('Värde');
  await page.goBack();
  await w.expectStep('Vad som köps');
  expect(await hashOf(page)).toBe('#/guide/kop');
  await page.goForward();
  await w.expectStep('Värde');
  await w.next();
  await w.expectStep('Leverantör');
  expect(await hashOf(page)).toBe('#/guide/leverantor');
  await w.choose('Tilltänkt leverantör', 'en idéburen organisation');
  await w.choose('Leverantörens främsta syfte är social och yrkesmässig integration', 'Nej');
  await w.next();
  await w.expectStep('Partnerskap (IOP)');
  expect(await hashOf(page)).toBe('#/guide/partnerskap');
  return w;
}

/** How many decisions the register holds, asked as the auditor. */
async function filed(page: Page): Promise<number> {
  const response = await page.request.get(`${appUrl('').replace(/#.*$/, '')}api/decisions?limit=200`, { headers: { 'x-vagval-user': 'revisor', 'x-vagval-role': 'auditor' } });
  return ((await response.json()) as { items: unknown[] }).items.length;
}

async function walk(viewport: Viewport) {
  const page = await open(viewport);
  const w = await toPartnership(page, viewport);

  // A "Nej" and a "Ja" given first, then the answer that shuts IOP: the questions that go are announced.
  // The initiative first: once the own contribution is "Nej", IOP can no longer be recommended and the initiative no longer asked.
  await w.choose(initiative, 'Ja');
  await w.choose(contribution, 'Nej');
  await w.choose(iopPayment, 'Per besökare, plats, timme eller deltagare');
  await expect.poll(() => page.getByTestId('questions-changed').innerText()).toMatch(/^(1 fråga|\d+ frågor) behövs inte längre/);
  expect(await page.getByRole('group', { name: contribution, exact: true }).count()).toBe(0);
  await w.expectPanelVerdict('iop', 'not-allowed');
  await expectNoAxeViolations(page, `${viewport}: partnership after the questions went`);
  await screenshot(page, `decision-${viewport}-partnership`);
  await w.next();

  await w.expectStep('Granska svaren');
  const unasked = page.getByTestId('review-unasked');
  expect(await unasked.innerText()).toContain(contribution);
  expect(await unasked.innerText()).toMatch(/nej/);
  expect(await page.locator('.review').innerText()).not.toMatch(/partnership\.|value\.annualSek/);
  await expectNoAxeViolations(page, `${viewport}: review`);
  await page.getByRole('button', { name: 'Visa rekommendationen' }).click();
  await w.expectStep('Rekommendation och beslut');
  expect(await hashOf(page)).toBe('#/guide/beslut');

  // The recommendation and its reasons come before the decision form.
  await page.locator('.decision-form').waitFor();
  await page.locator('.recommendation-summary').waitFor();
  const order = await page.evaluate(() => {
    const summary = document.querySelector('.recommendation-summary');
    const form = document.querySelector('.decision-form');
    return summary && form ? summary.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  expect(order).toBeTruthy();

  // Every option says its verdict; IOP is chosen all the same.
  const picker = page.getByLabel('Vald väg', { exact: true });
  const options = await picker.locator('option').allInnerTexts();
  expect(options).toContain('Idéburet offentligt partnerskap (IOP) – inte tillåten');
  expect(options.find((o) => o.startsWith('Direktupphandling'))).toMatch(/– rekommenderas$/);
  await picker.selectOption({ label: 'Idéburet offentligt partnerskap (IOP) – inte tillåten' });
  expect(await page.getByTestId('chosen-verdict').innerText()).toMatch(/Inte tillåten/);
  expect(await page.getByTestId('deviation-warning').innerText()).toMatch(/Avviker: vald väg bedömd som inte tillåten/);
  await page.getByLabel('Motivering', { exact: true }).fill('Föreningen har drivit mötesplatsen i tio år.');

  // A primary button at least 24 px tall, with the acting role and local mode beside it.
  const save = page.getByRole('button', { name: 'Spara i beslutsregistret' });
  const box = (await save.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(24);
  expect(await save.evaluate((b) => getComputedStyle(b).fontSize)).not.toBe('13.3333px');
  expect(await page.locator('.save-decision').innerText()).toMatch(/Sparas av upphandlare\b(?! \()/);
  expect(await page.locator('.save-decision').innerText()).toMatch(/lokalt läge: identiteten är inte kontrollerad/);

  // Without the acknowledgement and the reason nothing is filed; the errors sit at their fields, and focus moves to
  // the first of them (the acknowledgement), where the reader hears what stops the save.
  await save.focus();
  await page.keyboard.press('Enter');
  await expectFieldError(page, 'Skäl att avvika från bedömningen', /Skriv varför ni avviker/);
  const acknowledge = page.getByLabel(/Jag vet att vald väg är bedömd som inte tillåten/);
  expect(await acknowledge.getAttribute('aria-invalid')).toBe('true');
  await expect.poll(() => acknowledge.evaluate((el) => el === document.activeElement)).toBe(true);
  await expectNoAxeViolations(page, `${viewport}: recommendation with the deviation refused`);
  await screenshot(page, `decision-${viewport}-refused`);

  const filedBefore = await filed(page);
  await acknowledge.check();
  await page.getByLabel('Skäl att avvika från bedömningen', { exact: true }).fill('Kommunstyrelsen har beslutat om partnerskapet; juristen har granskat upplägget.');
  await save.click();
  const saved = page.getByRole('button', { name: /^Sparat som nr \d+$/ });
  await saved.waitFor();
  const id = Number((await saved.innerText()).replace(/\D/g, ''));
  expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Sparat som nr/);
  // A second press does not file it again (the button keeps focus, so Enter presses it).
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  expect(await filed(page)).toBe(filedBefore + 1);

  // The document flags the deviation on its first lines.
  const flag = page.locator('.decision-document [data-testid="deviation-flag"]');
  expect(await flag.innerText()).toBe('Avviker: vald väg bedömd som inte tillåten');
  expect(await page.locator('.decision-document').innerText().then((t) => t.split('\n').slice(0, 3).join('\n'))).toMatch(/Avviker: vald väg bedömd som inte tillåten/);
  await expectNoAxeViolations(page, `${viewport}: saved`);
  await screenshot(page, `decision-${viewport}-saved`);

  // A role that cannot save is told what to change; a reload keeps the step and the saved state.
  await page.evaluate(() => localStorage.setItem('vagval.register.actingAs', JSON.stringify({ user: 'revisor', role: 'auditor' })));
  await page.reload();
  await w.expectStep('Rekommendation och beslut');
  await page.getByText(/Rollen Revisor får inte spara beslut. Välj rollen Upphandlare/).waitFor();
  await page.getByRole('button', { name: `Sparat som nr ${id}` }).waitFor();
  await expectNoAxeViolations(page, `${viewport}: auditor on the recommendation page`);

  // The record has its own address, and the register flags the deviation in the record and the list.
  await page.getByRole('link', { name: `Öppna beslut nr ${id} i registret` }).click();
  expect(await hashOf(page)).toBe(`#/register/beslut/${id}`);
  await page.getByRole('heading', { name: `Beslut nr ${id}` }).waitFor();
  expect(await page.getByTestId('record-deviation').innerText()).toMatch(/^Avviker: vald väg bedömd som inte tillåten/);
  expect(await page.getByTestId('record-unasked').innerText()).toContain(contribution);
  await expectNoAxeViolations(page, `${viewport}: record`);
  await screenshot(page, `decision-${viewport}-record`);
  await page.reload();
  await page.getByRole('heading', { name: `Beslut nr ${id}` }).waitFor();
  await page.getByRole('button', { name: 'Tillbaka till listan' }).click();
  await page.getByRole('button', { name: `Öppna beslut ${id}` }).waitFor();
  const row = page.locator('tr', { has: page.getByRole('button', { name: `Öppna beslut ${id}`, exact: true }) });
  expect(await row.locator('.deviation-flag').innerText()).toBe('Avviker: vald väg bedömd som inte tillåten');
  await expectNoAxeViolations(page, `${viewport}: register list`);
  await page.goBack();
  await page.getByRole('heading', { name: `Beslut nr ${id}` }).waitFor();
  expect(await filed(page)).toBe(filedBefore + 1);
  await page.context().close();
}

describe('a decision the tool judged unlawful is never filed in silence', () => {
  it('at 1366×768: Motala per-visitor "IOP" picked, acknowledged, explained, saved once and flagged', async () => {
    await walk('desktop');
  });

  it('at 390×844: the same walk with the verdict bar at the top', async () => {
    await walk('phone');
  });
});
