import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { answerOnPhone } from './support/workshop-phone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { expectNoAxeViolations } from './support/axe';
import { launchBrowser, screenshot } from './support/browser';

// The global setup has built dist/; this file runs a server of its own, to stop and start it mid-session.
const root = resolve(import.meta.dirname, '../..');
const scenarioId = 'fruktkorgar-reserverad';
const scenarioTitle = 'Fruktkorgar från ett arbetsintegrerande kooperativ';

let browser: Browser;
let dir: string;
let server: RunningServer | null = null;
let port = 0;
const start = async () => {
  server = await startServer({ port, host: '127.0.0.1', dataDir: join(dir, 'data'), staticDir: resolve(root, 'dist'), accessFile: resolve(root, 'config/access.json'), log: () => {} });
  port = Number(new URL(server.url).port);
  return server.url;
};
const stop = async () => {
  await server?.close();
  server = null;
};
beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'vagval-e2e-restart-'));
});
afterAll(async () => {
  await stop();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(url: string, viewport: { width: number; height: number }, mobile = false): Promise<Page> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport, isMobile: mobile, hasTouch: mobile });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(url);
  await page.locator('#main').waitFor();
  return page;
}

describe('a restart of the trainer’s laptop mid-session', () => {
  it('keeps the room: phones stay on their seats, both screens say the server was away, and the answers are all there', async () => {
    const base = await start();
    const deck = await open(`${base}/#/workshop/scenario/${scenarioId}/deck`, { width: 1920, height: 1080 });
    await deck.locator('.deck').waitFor();
    while ((await deck.locator('.deck').getAttribute('data-slide-kind')) !== 'answers') await deck.keyboard.press('ArrowRight');
    await deck.getByRole('button', { name: 'Öppna svar från mobiler' }).click();
    const code = await deck.getByTestId('session-code').innerText();
    const phoneA = await open(`${base}/#/join/${code}`, { width: 390, height: 844 }, true);
    const phoneB = await open(`${base}/#/join/${code}`, { width: 390, height: 844 }, true);
    await phoneA.getByRole('heading', { name: scenarioTitle }).waitFor();
    await phoneB.getByRole('heading', { name: scenarioTitle }).waitFor();
    await answerOnPhone(phoneA, ['Inte tillåten', 'Tillåten', 'Tillåten', 'Inte tillåten'], 'Värdet över tre år är 900 000 kr, över gränsen.');
    await deck.locator('.join-panel__count').filter({ hasText: '1 av 2 har svarat' }).waitFor();

    // The laptop's server stops: neither screen says the session ended; both say the server is away.
    await stop();
    await deck.getByTestId('connection-interrupted').waitFor();
    expect(await deck.getByTestId('connection-interrupted').innerText()).toMatch(/Förbindelsen med servern är bruten sedan \d\d:\d\d/);
    await phoneA.getByTestId('connection-interrupted').waitFor();
    expect(await phoneA.locator('main').innerText()).not.toMatch(/avslutat|raderade/);
    await expectNoAxeViolations(deck, 'deck: the server is away');
    await expectNoAxeViolations(phoneA, 'phone: the server is away');
    await screenshot(deck, 'workshop-restart-deck-away-1920');
    await screenshot(phoneA, 'workshop-restart-phone-away');

    // Back on the same port: the streams reconnect by themselves, the answer is still counted.
    await start();
    await deck.getByTestId('connection-resumed').waitFor({ timeout: 20_000 });
    expect(await deck.getByTestId('connection-resumed').getAttribute('data-cause')).toBe('restart');
    expect(await deck.getByTestId('connection-resumed').innerText()).toMatch(/^Servern startades om \(borta \d+ s, .*\)\. Sessionen fortsätter och inga svar gick förlorade: 1 av 2 har svarat\./);
    await phoneB.getByTestId('connection-resumed').filter({ hasText: 'Kursledarens dator startades om' }).waitFor({ timeout: 20_000 });
    await expectNoAxeViolations(deck, 'deck: back after the restart');
    await expectNoAxeViolations(phoneB, 'phone: back after the restart');
    await screenshot(deck, 'workshop-restart-deck-back-1920');
    await screenshot(phoneB, 'workshop-restart-phone-back');

    // The second phone answers on its old seat, and the reveal counts both answers.
    await answerOnPhone(phoneB, ['Tillåten', 'Tillåten', 'Tillåten', 'Behöver mer information'], 'Kooperativet är ett socialt företag.');
    await deck.locator('.join-panel__count').filter({ hasText: '2 av 2 har svarat' }).waitFor();
    await deck.keyboard.press('ArrowRight');
    await deck.locator('.room-answers[data-route="reserved-contract"][data-total="2"]').waitFor();
    await phoneA.getByText('Facit visas nu på skärmen.').waitFor();
    await deck.context().close();
    await phoneA.context().close();
    await phoneB.context().close();
  });

  it('says honestly on both screens that a session the server lost is gone, never that the trainer ended it', async () => {
    const base = server ? server.url : await start();
    const trainer = await open(`${base}/#/workshop/scenario/${scenarioId}/trainer`, { width: 1366, height: 900 });
    await trainer.getByRole('button', { name: 'Öppna svar från mobiler' }).click();
    const code = (await trainer.locator('.trainer-card strong').filter({ hasText: /^[A-Z2-9]{8}$/ }).innerText()).trim();
    const phone = await open(`${base}/#/join/${code}`, { width: 390, height: 844 }, true);
    await phone.getByRole('heading', { name: scenarioTitle }).waitFor();

    await stop();
    for (const file of ['workshop-sessions.sqlite', 'workshop-sessions.sqlite-wal', 'workshop-sessions.sqlite-shm']) rmSync(join(dir, 'data', file), { force: true });
    await start();

    await phone.getByRole('heading', { name: 'Sessionen finns inte längre' }).waitFor({ timeout: 20_000 });
    expect(await phone.getByTestId('session-ended').innerText()).toContain(`Servern känner inte längre till sessionen ${code}`);
    expect(await phone.locator('main').innerText()).not.toContain('Kursledaren har avslutat');
    await trainer.getByRole('alert').filter({ hasText: `Servern känner inte längre till sessionen ${code}` }).waitFor({ timeout: 20_000 });
    await expectNoAxeViolations(phone, 'phone: the session was lost');
    await expectNoAxeViolations(trainer, "trainer's window: the session was lost");
    await screenshot(phone, 'workshop-restart-phone-lost');
    await screenshot(trainer, 'workshop-restart-trainer-lost-1366');
    await trainer.context().close();
    await phone.context().close();
  });
});
