import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const artifactsDir = resolve(import.meta.dirname, '../.artifacts');

/** Debian's chromium, headless, with nothing that phones home. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The URL of the app the global setup started. */
export function appUrl(hash = '#/'): string {
  return `${inject('baseUrl')}${hash}`;
}

/** A fresh page (own storage) in Swedish, at the given route. */
export async function openPage(browser: Browser, hash = '#/'): Promise<Page> {
  return openPageIn(await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } }), hash);
}

/** A new page in a context the test made (a phone, a trainer's window sharing storage), at the given route. */
export async function openPageIn(context: BrowserContext, hash = '#/'): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(appUrl(hash));
  // The app renders once its rule set has arrived (fetched beside the code), after the load event.
  await page.locator('#main').waitFor();
  return page;
}

/** Saves a screenshot under tests/e2e/.artifacts/ (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = resolve(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
