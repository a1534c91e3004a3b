// @vitest-environment jsdom
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserRuleset } from './browser-ruleset';
import { loadRulesetFile } from './load-ruleset-file';

const url = 'http://localhost/assets/ruleset-test.json';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  document.body.innerHTML = '';
});
afterAll(() => server.close());

describe('loading the built rule set in the browser', () => {
  it('gives the rule set as the build wrote it', async () => {
    server.use(http.get(url, () => HttpResponse.json(browserRuleset)));
    const ruleset = await loadRulesetFile(url);
    expect(ruleset.hash).toBe(browserRuleset.hash);
  });

  it('says in Swedish in place of the app that the rule set could not be fetched', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    server.use(http.get(url, () => new HttpResponse(null, { status: 503 })));
    await expect(loadRulesetFile(url)).rejects.toThrow('HTTP 503');
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Regelverket kunde inte hämtas från servern');
  });
});
