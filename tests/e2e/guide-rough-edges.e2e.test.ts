import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { appUrl, launchBrowser, openPage } from './support/browser';
import { wizard } from './support/wizard-driver';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** WCAG 2.1 relative luminance and contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("the guide's rough edges", () => {
  it('says "Sidan finns inte" in Swedish at an address that names no page, with 404 from the server, at 1366 and 390 px', async () => {
    const page = await openPage(browser, '#/finns-inte');
    await page.getByRole('heading', { name: 'Sidan finns inte', exact: true }).waitFor();
    await page.setViewportSize({ width: 1366, height: 900 });
    await expectNoAxeViolations(page, 'not found: unknown hash, desktop');
    const response = await page.goto(appUrl('#/').replace(/\/#\/$/, '/gammal/lank#/'));
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Sidan finns inte', exact: true }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'not found: unknown path, phone');
    // Its way on leads to the guide.
    await page.getByRole('link', { name: /^Guiden/ }).click();
    await page.locator('#step-heading').waitFor();
    await page.close();
  });

  it('has a real icon: /favicon.ico leads to an SVG, not the app\'s HTML', async () => {
    const page = await openPage(browser);
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
    const icon = await page.request.get(appUrl('').replace(/#?$/, '') + 'favicon.ico');
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
    await page.close();
  });

  it('draws focus rings at 3:1 at least against what is behind them, in the header too', async () => {
    const page = await openPage(browser);
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab'); // "Vägval" in the header
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const header = el.closest('.app-header') as HTMLElement;
      return { outline: getComputedStyle(el).outlineColor, style: getComputedStyle(el).outlineStyle, behind: getComputedStyle(header).backgroundColor, text: el.textContent };
    });
    expect(ring.text).toBe('Vägval');
    expect(ring.style).toBe('solid');
    expect(contrast(ring.outline, ring.behind)).toBeGreaterThanOrEqual(3);
    const body = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const main = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--focus'));
    expect(contrast(main.trim().replace(/^#(..)(..)(..)$/, (_, r, g, b) => `rgb(${parseInt(r, 16)}, ${parseInt(g, 16)}, ${parseInt(b, 16)})`), body)).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('keeps the error summary only while an error is on screen, and the review lists every answer asked, "liknande köp: Nej" too', async () => {
    const page = await openPage(browser);
    const w = wizard(page);
    await w.organisationAndDate('Ljungby kommun', '2026-11-22');
    await w.next();
    await w.choose('Vad som köps', 'tjänster');
    await page.getByLabel('Beskrivning av köpet').fill('Lokalvård');
    await w.choose('Sociala och andra särskilda tjänster (LOU bilaga 2)', 'Nej');
    await w.next();
    const perYear = page.getByLabel('Värde per år exklusive moms (vid engångsköp: hela värdet)');
    await perYear.fill('många');
    await perYear.blur();
    const summary = page.locator('#form-error-summary');
    await summary.waitFor();
    await expectNoAxeViolations(page, 'value step: an error and its summary');
    // The question with the error goes away when the price is given for the whole term: so do its error and the summary.
    await w.choose('Hur anges priset i avtalet eller offerten?', 'Som en summa för hela avtalstiden');
    await expect.poll(() => summary.count()).toBe(0);
    await page.getByLabel('Avtalets värde för hela avtalstiden exklusive moms, utan optioner').fill('450 000');
    await page.getByLabel('Avtalstid med förlängningar').fill('2');
    await w.choose('Har ni köpt, eller ska ni köpa, liknande varor eller tjänster under de föregående eller kommande tolv månaderna?', 'Nej');
    await w.next();
    await w.expectStep('Leverantör');
    await w.choose('Tilltänkt leverantör', 'ingen särskild leverantör');
    await w.next();
    await w.expectStep('Granska svaren');
    const review = (await page.locator('.review').innerText()).replace(/\s+/g, ' ');
    expect(review).toContain('Har ni köpt, eller ska ni köpa, liknande varor eller tjänster under de föregående eller kommande tolv månaderna? Nej');
    expect(review).toContain('Hur anges priset i avtalet eller offerten? Som en summa för hela avtalstiden');
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(page, `review with the guide's own questions, ${width} px`);
    }
    await page.close();
  });
});
