import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { launchBrowser, openPage, screenshot } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const focusedLabel = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const id = el.getAttribute('id');
    const label = id ? document.querySelector(`label[for="${id}"]`)?.textContent : el.closest('label')?.textContent;
    return (label ?? el.textContent ?? '').trim();
  });

describe('keyboard and language', () => {
  it('can be used with the keyboard alone: skip link, fields, radio buttons and the next button', async () => {
    const page = await openPage(browser);
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    let label = '';
    for (let i = 0; i < 10 && label !== 'Organisation'; i++) {
      await page.keyboard.press('Tab');
      label = await focusedLabel(page);
    }
    expect(label).toBe('Organisation');
    await page.keyboard.type('Ljungby');
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Beslutsdatum');
    for (let i = 0; i < 6 && (await focusedLabel(page)) !== 'Nästa'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#step-heading', { hasText: 'Vad som köps' }).waitFor();
    // Focus moved to the new step's heading; Tab goes on into its questions.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-heading');
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Beskrivning av köpet');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByRole('group', { name: 'Vad som köps' }).getByLabel('varor', { exact: true }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('group', { name: 'Vad som köps' }).getByLabel('tjänster', { exact: true }).isChecked()).toBe(true);
    await page.close();
  });

  it('switches to English: questions, help and verdicts, with no axe violations', async () => {
    const page = await openPage(browser);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('#step-heading', { hasText: 'Organisation and date' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('combobox', { name: 'Organisation', exact: true }).fill('Motala');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('#step-heading', { hasText: 'What is bought' }).waitFor();
    expect(await page.getByRole('group', { name: 'What is bought' }).isVisible()).toBe(true);
    expect(await page.getByTestId('verdict-panel').innerText()).toMatch(/Needs more answers|Recommended|Allowed/);
    await expectNoAxeViolations(page, 'english purchase step');
    await screenshot(page, 'english-purchase');
    await page.close();
  });
});
