import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { startServer } from '../src/server/start-server';

const root = resolve(import.meta.dirname, '..');

/**
 * The guide's first load in Debian's chromium with an empty cache, over a throttled link: 1.6 Mbit/s
 * down, 750 kbit/s up, 150 ms round trip (Lighthouse's mobile throttling, DevTools' former
 * "Fast 3G"; the 3.7 s first measured came from such a link). Prints the bytes on
 * the wire (compressed bodies and headers, as the browser's network log counts them), the bytes
 * the files hold uncompressed, and the first contentful paint, against the aim of 1.5 s.
 */
export async function benchFirstLoad(): Promise<void> {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) await build({ root, logLevel: 'warn' });
  const dataDir = mkdtempSync(join(tmpdir(), 'vagval-bench-load-'));
  const server = await startServer({ port: 0, dataDir, staticDir: dist, log: () => {} });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'] });
  try {
    const runs: Array<{ wire: number; decoded: number; requests: number; fcp: number; ready: number }> = [];
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 });
      let wire = 0;
      let decoded = 0;
      let requests = 0;
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
        wire += e.encodedDataLength;
        requests++;
      });
      cdp.on('Network.dataReceived', (e: { dataLength: number }) => (decoded += e.dataLength));
      const started = Date.now();
      await page.goto(`${server.url}/#/`, { waitUntil: 'networkidle' });
      await page.locator('#main').waitFor();
      const ready = Date.now() - started;
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
      runs.push({ wire, decoded, requests, fcp, ready });
      await context.close();
    }
    const best = runs.sort((a, b) => a.fcp - b.fcp)[1]!; // the median of three
    const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
    console.log(
      `first load of the guide (empty cache, 1.6 Mbit/s, 150 ms RTT, median of 3): ${kib(best.wire)} on the wire in ${best.requests} requests (${kib(best.decoded)} uncompressed); first contentful paint ${(best.fcp / 1000).toFixed(2)} s, guide ready ${(best.ready / 1000).toFixed(2)} s (aim first paint < 1.5 s: ${best.fcp < 1500 ? 'met' : 'MISSED'})`,
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
