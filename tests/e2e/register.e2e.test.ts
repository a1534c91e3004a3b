import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { expectNoAxeViolations } from './support/axe';
import { launchBrowser, screenshot } from './support/browser';
import { wizard } from './support/wizard-driver';

const root = resolve(import.meta.dirname, '../..');
let browser: Browser;
let tempRoot: string;
let dataDir: string;

// Its own server on its own data folder (the build comes from the global setup), so the test can
// stop it and start it again on the same database, as an organisation's restart would.
const serve = (): Promise<RunningServer> =>
  startServer({ port: 0, host: '127.0.0.1', dataDir, staticDir: resolve(root, 'dist'), accessFile: resolve(root, 'config/access.json'), log: () => {} });

beforeAll(async () => {
  browser = await launchBrowser();
  // The data dir inside a temp folder of its own: the transparency files (signing key, checkpoints) live beside it.
  tempRoot = mkdtempSync(join(tmpdir(), 'vagval-e2e-register-'));
  dataDir = join(tempRoot, 'data');
});
afterAll(async () => {
  await browser?.close();
  rmSync(tempRoot, { recursive: true, force: true });
});

describe('the decision register', () => {
  it('shows a decision saved through the guide to an auditor after the server restarts, and verifies it', async () => {
    let server = await serve();
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
    let page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${server.url}/#/`);
    const w = wizard(page);
    await w.expectStep('Organisation och datum');
    await w.organisationAndDate('Motala kommun', '2026-11-20');
    await w.next();
    await w.choose('Vad som köps', 'varor');
    await page.getByLabel('Beskrivning av köpet').fill('Fruktkorgar till förvaltningarna');
    await w.next();
    await w.value('180 000', '1');
    await w.next();
    await w.choose('Tilltänkt leverantör', 'ingen särskild leverantör');
    await w.next();
    await w.toRecommendation();
    expect(await w.recommendedRoute()).toBe('direct-award');

    // Saving without a justification is refused at the button, and nothing is stored.
    await page.getByRole('button', { name: 'Spara i beslutsregistret' }).click();
    await page.getByRole('alert').filter({ hasText: 'Motivering saknas' }).waitFor();
    await page.getByLabel('Motivering', { exact: true }).fill('Lågt värde, en leverantör i närområdet med kort leveranstid.');
    await page.getByRole('button', { name: 'Spara i beslutsregistret' }).click();
    const saved = page.getByRole('button', { name: /^Sparat som nr \d+$/ });
    await saved.waitFor();
    const id = Number(/nr (\d+)/.exec(await saved.innerText())?.[1]);
    expect(id).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'register: saved on the recommendation page');

    await page.close();
    await server.close();
    server = await serve();

    page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${server.url}/#/register`);
    await page.getByLabel('Användare och roll').selectOption({ label: 'revisor (Revisor)' });
    const open = page.getByRole('button', { name: `Öppna beslut ${id}`, exact: true });
    await open.waitFor();
    const row = page.locator('tr', { has: open });
    expect(await row.innerText()).toMatch(/Motala kommun[\s\S]*Direktupphandling[\s\S]*180\s000 kr[\s\S]*upphandlare/);
    await expectNoAxeViolations(page, 'register: list as auditor');
    await open.click();
    await page.getByRole('heading', { name: `Beslut nr ${id}` }).waitFor();
    expect(await page.locator('.decision-summary').innerText()).toContain('Lågt värde, en leverantör i närområdet');
    await page.getByRole('button', { name: 'Kontrollera beslutet' }).click();
    await page.getByText('Kontrollen gick igenom').waitFor();
    await expectNoAxeViolations(page, 'register: decision verified');
    await screenshot(page, 'register-verified-after-restart');
    // The receipt in plain words: the decision is in a signed checkpoint (one is made at shutdown); the
    // technical line waits behind "Tekniska detaljer".
    const receipt = page.locator('.decision-summary .receipt');
    expect(await receipt.locator('.receipt__summary').innerText()).toMatch(
      new RegExp(`^Kvittot visar att beslut nr ${id} finns oförändrat i beslutsregistret, bekräftat med registrets signatur \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} svensk tid\\.`),
    );
    await receipt.locator('summary', { hasText: 'Tekniska detaljer' }).click();
    expect(await receipt.locator('.receipt__technical code').innerText()).toMatch(new RegExp(`nr ${id} · löv [0-9a-f]{16} · kontrollpunkt \\d+ post(er)?, rot [0-9a-f]{16}, `));

    // The whole register verified, then checked against the checkpoint it reached, as next year's auditor would.
    await page.getByRole('button', { name: 'Kontroll', exact: true }).click();
    await page.getByRole('button', { name: 'Kontrollera alla beslut' }).click();
    await page.getByText(/^Godkänd: (alla \d+ kontrollerade poster är oförändrade|den kontrollerade posten är oförändrad)/).waitFor();
    expect(await page.getByRole('table', { name: 'Vad kontrollen visade' }).innerText()).toMatch(/Kontrollpunkternas signatur\s+Godkänd/);
    const checkpoint = await page.getByLabel('Signerad kontrollpunkt').innerText();
    await expectNoAxeViolations(page, 'register: whole register verified');
    await page.getByLabel('Kontrollpunkt eller kvitto från en tidigare revision').fill(checkpoint);
    await page.getByRole('button', { name: 'Pröva registret mot den' }).click();
    await page.getByText('Ja: registret är i dag en ren utökning av det du höll upp.').waitFor();
    // The reason beside the yes is Swedish too: no English left in the answer.
    const answer = await page.locator('.verify--answer').innerText();
    expect(answer).toMatch(/\. Den senaste kontrollpunkten \(\d+ post(er)?, \d{4}-\d{2}-\d{2} \d{2}:\d{2} svensk tid\) är en utökning av den från \d{4}-\d{2}-\d{2} \d{2}:\d{2} svensk tid/);
    expect(answer).not.toMatch(/\b(the|extends|records)\b/);
    await expectNoAxeViolations(page, 'register: checked against a checkpoint');
    await screenshot(page, 'register-checked-against-checkpoint');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'register: verification report at 390 px');
    await screenshot(page, 'register-verification-390');
    await context.close();
    await server.close();
  });
});
