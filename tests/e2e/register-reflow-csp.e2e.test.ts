import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { ljungbyAnswers, post, saveRequest } from '../server/fixtures';
import { expectNoAxeViolations } from './support/axe';
import { launchBrowser, screenshot } from './support/browser';

const root = resolve(import.meta.dirname, '../..');
let browser: Browser;
let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dataDir = mkdtempSync(join(tmpdir(), 'vagval-e2e-reflow-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, staticDir: resolve(root, 'dist'), accessFile: resolve(root, 'config/access.json'), log: () => {} });
  for (const organisation of ['ljungby', 'motala'] as const) {
    const response = await post(`${server.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, organisation }));
    expect(response.status).toBe(201);
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A page that records every Content-Security-Policy violation the browser reports. */
async function openWatched(width: number, hash: string): Promise<{ page: Page; violations: string[] }> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width, height: 900 } });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto(`${server.url}/${hash}`);
  return { page, violations };
}

/** No sideways scrolling, and every control at least 24 px in both directions (WCAG 2.5.8). */
async function expectReflowAndTargets(page: Page, label: string) {
  const layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
    small: [...document.querySelectorAll('.register-page button, .register-page select, .register-page input:not([type=radio]):not([type=checkbox])')]
      .map((e) => ({ name: (e.textContent || e.id).trim().slice(0, 40), box: e.getBoundingClientRect() }))
      .filter((e) => e.box.width > 0 && (e.box.height < 24 || e.box.width < 24))
      .map((e) => `${e.name} ${Math.round(e.box.width)}×${Math.round(e.box.height)}`),
  }));
  expect(layout.scrollWidth, `${label}: page width`).toBeLessThanOrEqual(layout.width);
  expect(layout.small, `${label}: controls under 24 px`).toEqual([]);
}

describe('the register on a phone and on a desktop', () => {
  for (const width of [1366, 390, 320]) {
    it(`lists, opens and counts decisions at ${width} px without sideways scrolling, its controls at least 24 px, axe clean`, async () => {
      const { page, violations } = await openWatched(width, '#/register');
      await page.getByLabel('Användare och roll').selectOption({ label: 'revisor (Revisor)' });
      // The single-user default takes identity on trust, and the page says so.
      await page.getByText('Lokalt läge: identiteten är inte kontrollerad.').waitFor();
      await page.getByRole('button', { name: 'Öppna beslut 2', exact: true }).waitFor();
      await expectReflowAndTargets(page, `list ${width}`);
      if (width !== 320) await expectNoAxeViolations(page, `register list at ${width} px`);
      await screenshot(page, `register-list-${width}`);

      await page.getByRole('button', { name: 'Öppna beslut 2', exact: true }).click();
      await page.getByRole('heading', { name: 'Beslut nr 2' }).waitFor();
      await page.getByRole('button', { name: 'Kontrollera beslutet' }).click();
      await page.getByText('Kontrollen gick igenom').waitFor();
      await expectReflowAndTargets(page, `detail ${width}`);
      if (width !== 320) await expectNoAxeViolations(page, `register decision at ${width} px`);

      await page.getByRole('button', { name: 'Statistik' }).click();
      await page.getByRole('button', { name: 'Ladda ner som CSV' }).waitFor();
      await expectReflowAndTargets(page, `stats ${width}`);
      if (width !== 320) await expectNoAxeViolations(page, `register statistics at ${width} px`);
      await screenshot(page, `register-stats-${width}`);
      expect(violations).toEqual([]);
      await page.context().close();
    });
  }
});

describe('the app under its Content-Security-Policy', () => {
  it('has no inline script in the built page and runs the guide, the register and the workshop with no policy violation', async () => {
    const html = readFileSync(resolve(root, 'dist/index.html'), 'utf8');
    for (const [, attributes, content] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(content!.trim()).toBe('');
    }
    const { page, violations } = await openWatched(1366, '#/');
    const response = await page.reload();
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    // The guide needs its fetched rule set to render its first question.
    await page.locator('#main').waitFor();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await page.goto(`${server.url}/#/register`);
    await page.getByRole('button', { name: 'Öppna beslut 1', exact: true }).waitFor();
    await page.goto(`${server.url}/#/workshop`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
