import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessConfigSchema } from '../../src/server/access';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { startOpenIdProvider, type StaffMember, type TestProvider } from '../server/openid-provider';
import { expectNoAxeViolations } from './support/axe';
import { launchBrowser, screenshot } from './support/browser';

const root = resolve(import.meta.dirname, '../..');
let browser: Browser;
let tempRoot: string;
let provider: TestProvider;
let server: RunningServer;
let base: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', () => done()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

// The organisation's OpenID provider on loopback, and Vägval configured for it as a kommun's IT would.
beforeAll(async () => {
  browser = await launchBrowser();
  tempRoot = mkdtempSync(join(tmpdir(), 'vagval-e2e-sign-in-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startOpenIdProvider(`${base}/auth/callback`, `${base}/auth/signed-out`);
  const secretFile = join(tempRoot, 'client-secret');
  writeFileSync(secretFile, 'vagval-secret-for-tests-only\n');
  const access = accessConfigSchema.parse({
    headerIdentity: false,
    oidc: {
      issuer: provider.issuer,
      clientId: 'vagval',
      clientSecretFile: secretFile,
      redirectUri: `${base}/auth/callback`,
      scopes: ['openid', 'profile', 'groups'],
      mappings: [
        { claim: 'groups', value: 'vagval-upphandlare-ljungby', roles: ['procurer'], organisations: ['ljungby'] },
        { claim: 'groups', value: 'vagval-revisorer', roles: ['auditor'] },
      ],
    },
  });
  server = await startServer({ port, host: '127.0.0.1', dataDir: join(tempRoot, 'data'), staticDir: resolve(root, 'dist'), access, log: () => {} });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await provider?.close();
  rmSync(tempRoot, { recursive: true, force: true });
});

async function signIn(who: StaffMember): Promise<Page> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/#/register`);
  await page.getByRole('link', { name: 'Logga in' }).click();
  await page.locator('input[name="login"]').fill(who);
  await page.locator('input[name="password"]').fill('vilket-som-helst');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  return page;
}

const status = (page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).status, path);

describe('signing in to the register with the organisation\'s account, in a browser', () => {
  it('a procurer lands on the register, sees who she is signed in as, and has a procurer\'s rights only', async () => {
    const page = await signIn('anna.upphandlare');
    await page.getByText('Inloggad som anna.upphandlare med organisationens konto (OpenID Connect).').waitFor();
    await page.getByText('Roll: Upphandlare').waitFor();
    expect(new URL(page.url()).hash).toBe('#/register');
    await expectNoAxeViolations(page, 'signed in as procurer');
    expect(await status(page, '/api/decisions')).toBe(200);
    expect(await status(page, '/api/access-log')).toBe(403);
    expect(await status(page, '/api/verify')).toBe(403);
    await page.context().close();
  });

  it('an auditor has an auditor\'s rights, and signing out ends the session at Vägval and at the provider', async () => {
    const page = await signIn('rolf.revisor');
    await page.getByText('Inloggad som rolf.revisor med organisationens konto (OpenID Connect).').waitFor();
    expect(await status(page, '/api/verify')).toBe(200);
    expect(await page.evaluate(async () => (await fetch('/api/me')).json())).toEqual({ user: 'rolf.revisor', role: 'auditor', organisations: [] });
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.getByRole('heading', { name: 'Du är utloggad' }).waitFor();
    await expectNoAxeViolations(page, 'signed out');
    expect(await status(page, '/api/me')).toBe(401);
    await page.goto(`${base}/#/register`);
    await page.getByRole('link', { name: 'Logga in' }).waitFor();
    await page.context().close();
  });

  it('one in no group of Vägval\'s is told in Swedish that the account has no access, on a page without faults', async () => {
    const page = await signIn('olle.obehorig');
    await page.getByRole('heading', { name: 'Du har ingen behörighet i Vägval' }).waitFor();
    await expectNoAxeViolations(page, 'no access');
    // Styled as the app, and readable on a phone: no sideways scrolling at 320 and 390 px, axe clean there too.
    expect(await page.locator('header.bar').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 92, 74)');
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await expectNoAxeViolations(page, `no access at ${width} px`);
    }
    await screenshot(page, 'sign-in-no-access-320');
    expect(await status(page, '/api/me')).toBe(401);
    await page.context().close();
  });
});
