import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startServer, type RunningServer } from '../../../src/server/start-server';
import type { SaveDecisionRequest } from '../../../src/shared/decision-record';
import { post } from '../../server/fixtures';
import { launchBrowser } from './browser';

export type RegisterApp = { url: string; server: RunningServer; asAuditor: (width: number) => Promise<Page>; close: () => Promise<void> };

/**
 * For one e2e file: the built app on a register of its own in a temp folder, holding `requests`
 * saved in order (record 1 first), and a browser whose pages act as the auditor.
 */
export async function openRegisterApp(prefix: string, requests: SaveDecisionRequest[]): Promise<RegisterApp> {
  const root = resolve(import.meta.dirname, '../../..');
  const browser: Browser = await launchBrowser();
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, staticDir: resolve(root, 'dist'), accessFile: resolve(root, 'config/access.json'), log: () => {} });
  for (const request of requests) {
    const response = await post(`${server.url}/api/decisions`, request);
    expect(response.status, await response.clone().text()).toBe(201);
  }
  const asAuditor = async (width: number) => {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('vagval.register.actingAs', JSON.stringify({ user: 'revisor', role: 'auditor' })));
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    return page;
  };
  return {
    url: server.url,
    server,
    asAuditor,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
