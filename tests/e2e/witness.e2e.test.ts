import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSigningKeyFile, startServer, type RunningServer } from '../../src/server/start-server';
import { loadOrCreateSigningKey } from '../../src/server/transparency/signing-key';
import { auditor, ljungbyAnswers, post, saveRequest } from '../server/fixtures';
import { spawnWitness, stopWitness } from '../server/spawn-witness';
import { expectNoAxeViolations } from './support/axe';
import { launchBrowser, screenshot } from './support/browser';

const root = resolve(import.meta.dirname, '../..');
let browser: Browser;
let tempRoot: string;
let server: RunningServer;
let witness: Awaited<ReturnType<typeof spawnWitness>>;

// The revisor's witness as its own process, the register offering it each checkpoint, and the
// auditor reading on the Kontroll page and on a receipt who witnessed the register up to where.
beforeAll(async () => {
  browser = await launchBrowser();
  tempRoot = mkdtempSync(join(tmpdir(), 'vagval-e2e-witness-'));
  const dataDir = join(tempRoot, 'data');
  const registerKey = loadOrCreateSigningKey(defaultSigningKeyFile(dataDir), 'vagval.local/register', () => {}).vkey;
  witness = await spawnWitness(join(tempRoot, 'witness'), registerKey, 'revision.kommun.example/vittne');
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    staticDir: resolve(root, 'dist'),
    accessFile: resolve(root, 'config/access.json'),
    log: () => {},
    witnesses: [{ name: 'Revisionen', key: witness.key, url: witness.url, maxAgeHours: 48 }],
  });
  for (let i = 1; i <= 3; i++) expect((await post(`${server.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, value: { totalSek: 20_000 * i } }))).status).toBe(201);
  await server.transparency.checkpoint();
  await server.cosignatures.settled();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (witness) await stopWitness(witness.child);
  rmSync(tempRoot, { recursive: true, force: true });
});

describe('the witness seen by the auditor', () => {
  it('shows on Kontroll and on the receipt who witnessed the register up to which record, and verify passes', async () => {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('vagval.register.actingAs', JSON.stringify({ user: 'revisor', role: 'auditor' })));
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${server.url}/#/register`);
    await page.getByRole('button', { name: 'Kontroll', exact: true }).click();
    const line = page.getByText(/^Bevittnat av Revisionen t\.o\.m\. nr 3, \d{4}-\d{2}-\d{2} \d{2}:\d{2} svensk tid$/);
    await line.waitFor();
    await page.getByText('Den kontrasignerade kontrollpunkten').click();
    expect(await page.locator('.witnesses pre').innerText()).toContain('— revision.kommun.example/vittne ');
    await page.getByRole('button', { name: 'Kontrollera alla beslut' }).click();
    await page.getByText(/^Godkänd: alla 3 kontrollerade poster/).waitFor();
    await expectNoAxeViolations(page, 'register: Kontroll with a witness');
    await screenshot(page, 'witness-kontroll');

    await page.goto(`${server.url}/#/register/beslut/2`);
    await page.getByText(/Bevittnat av Revisionen t\.o\.m\. nr 3/).waitFor();
    await screenshot(page, 'witness-receipt');
    const verified = (await (await fetch(`${server.url}/api/verify`, { headers: auditor })).json()) as { ok: boolean };
    expect(verified.ok).toBe(true);
    await context.close();
  });
});
