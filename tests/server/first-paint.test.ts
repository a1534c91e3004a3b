import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headOrderPlugin } from '../../scripts/head-order-plugin';

const indexHtml = readFileSync(resolve(import.meta.dirname, '../../index.html'), 'utf8');

describe('the first paint on a slow link (under 1.5 s on slow 3G)', () => {
  it('comes from the page itself: the frame and a Swedish loading line in #root, before any code or the rule set arrives', () => {
    const root = /<div id="root">([\s\S]*?)\n {4}<\/div>/.exec(indexHtml)?.[1] ?? '';
    expect(root).toContain('<a href="#/">Vägval</a>');
    expect(root).toContain('<nav aria-label="Huvudmeny"');
    expect(root).toMatch(/<p role="status">Laddar Vägval/);
    expect(root).toContain('<noscript>');
    // The CSP allows no inline script or style: the frame is plain markup styled by the app's stylesheet.
    expect(indexHtml).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(indexHtml).not.toMatch(/<style|style="/);
  });

  it('asks for the stylesheet and the rule set before the code and its modulepreloads', () => {
    const built = `<head>
    <title>Vägval</title>
    <script type="module" crossorigin src="/assets/index-1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/a-1.js">
    <link rel="stylesheet" crossorigin href="/assets/index-1.css">
    <link rel="preload" href="/assets/ruleset-1.json" as="fetch" type="application/json" crossorigin="">
  </head>`;
    const hook = headOrderPlugin().transformIndexHtml as { handler: (html: string) => string };
    const head = hook.handler(built);
    const order = [...head.matchAll(/(index-1\.css|ruleset-1\.json|index-1\.js|a-1\.js)/g)].map((m) => m[1]);
    expect(order).toEqual(['index-1.css', 'ruleset-1.json', 'index-1.js', 'a-1.js']);
    expect(head.match(/<link|<script/g)).toHaveLength(4);
  });
});
