// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyDraft, type Draft } from '../../../guide/draft';
import { loadDraft, saveDraft } from '../../../guide/draft-storage';
import { I18nProvider } from '../../../i18n/i18n';
import { browserRuleset } from '../../../rules-data/browser-ruleset';
import type { AuditRow, SimilarResponse } from '../../../shared/audit-report';
import { WizardProvider } from '../wizard-provider';
import { SimilarPurchasesCheck } from './index';

const row = (id: number, totalSek: number): AuditRow => ({
  id, organisation: 'motala', decisionDate: '2026-05-04', recordedAt: '2026-05-04T09:00:00.000Z', rulesetVersion: browserRuleset.version, chosenRoute: 'direct-award',
  recommendedRoute: 'direct-award', chosenVerdict: 'recommended', deviates: false, deviationReason: null, description: 'Städning av fritidsgården, våren', supplierName: 'Städkooperativet Glimten',
  supplierOrgNumber: '556012-5790', supplierKind: 'social-enterprise', cpvCode: null, totalSek, documentationLimitSek: 100_000, daysToRecord: 0, weakBasis: [], corrects: null, supersededBy: null,
  exceptions: [], related: [],
});
let answer: () => Response = () => HttpResponse.json({ window: { from: '2025-11-22', to: '2027-11-22' }, items: [] } satisfies SimilarResponse);
const asked: URLSearchParams[] = [];
const server = setupServer(
  http.get('/api/reports/similar', ({ request }) => {
    asked.push(new URL(request.url).searchParams);
    return answer();
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  localStorage.clear();
  asked.length = 0;
});
afterAll(() => server.close());

// The first render imports the panel and the register's part on demand; on a loaded machine that outlasts findBy's 5 s.
const loading = { timeout: 15_000 };

const planned: Draft = {
  ...emptyDraft(),
  step: 'supplier',
  visited: ['organisation', 'purchase', 'value', 'supplier'],
  answers: {
    organisation: 'motala',
    decisionDate: '2026-11-22',
    purchase: { kind: 'services', description: 'Städning av fritidsgården, hösten' },
    value: { annualSek: 300_000, totalSek: 300_000 },
    contract: { years: 1 },
    supplier: { name: 'Städkooperativet Glimten', orgNumber: '556012-5790', kind: 'social-enterprise' },
  },
};

// The provider saves every change of the draft in local storage: what a reload would resume.
const latest = () => loadDraft();

// Awaited: the panel suspends until the register's part has loaded (React's use()), which a sync act() never lets finish.
async function renderPanel() {
  saveDraft(planned);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () => {
    render(
      <I18nProvider lang="sv">
        <QueryClientProvider client={client}>
          <WizardProvider ruleset={browserRuleset}>
            <SimilarPurchasesCheck />
          </WizardProvider>
        </QueryClientProvider>
      </I18nProvider>,
    );
  });
}

describe('the similar purchases in the guide', () => {
  it('lists what the register found and adds the value chosen to the estimated value', async () => {
    answer = () => HttpResponse.json({ window: { from: '2025-11-22', to: '2027-11-22' }, items: [{ row: row(4, 250_000), match: ['orgNumber', 'supplierName'], ownValueSek: 200_000 }] } satisfies SimilarResponse);
    const user = userEvent.setup();
    await renderPanel();
    const item = await screen.findByTestId('similar-4', {}, loading);
    expect(asked[0]?.get('orgNumber')).toBe('556012-5790');
    expect(asked[0]?.get('organisation')).toBe('motala');
    expect(within(item).getByRole('group', { name: /Nr 4, 2026-05-04: Städning av fritidsgården, våren/ })).toBeInTheDocument();
    // The purchase's own value, without the similar purchases it itself counted in.
    expect(item).toHaveTextContent('200 000 kr');
    expect(within(item).getByRole('link', { name: 'Öppna beslut nr 4 i registret' })).toHaveAttribute('href', '#/register/beslut/4');
    expect(screen.getByTestId('similar-summary')).toHaveTextContent('Ta ställning till ett köp till innan beslutet sparas.');
    await user.click(within(item).getByRole('radio', { name: /Lägg till 200\s000 kr i det uppskattade värdet/ }));
    expect(screen.getByTestId('similar-summary')).toHaveTextContent('Tillagt i det uppskattade värdet: 200 000 kr. Uppskattat värde: 500 000 kr.');
    expect(latest()?.answers.value).toMatchObject({ totalSek: 500_000, similarPurchasesSek: 200_000 });
    await user.click(within(item).getByRole('radio', { name: 'Lägg inte till: inte samma behov' }));
    expect(latest()?.answers.value).toMatchObject({ totalSek: 300_000 });
    expect(latest()?.answers.value?.similarPurchasesSek).toBeUndefined();
    const check = latest()?.wizard.similarCheck;
    expect(check?.status === 'checked' && check.found[0]?.choice).toEqual({ add: false, reason: 'not-same-need' });
  });

  it('says plainly when the register has nothing similar', async () => {
    answer = () => HttpResponse.json({ window: { from: '2025-11-22', to: '2027-11-22' }, items: [] } satisfies SimilarResponse);
    await renderPanel();
    expect(await screen.findByTestId('similar-none', {}, loading)).toHaveTextContent('Inga liknande direktupphandlingar hittades: Motala kommun har inga sparade direktupphandlingar till samma leverantör eller i samma CPV-grupp 2025-11-22 – 2027-11-22.');
    expect(latest()?.wizard.similarCheck).toMatchObject({ status: 'checked', found: [] });
  });

  it('says it could not check when the register cannot be reached, records why, and asks again on request', async () => {
    answer = () => HttpResponse.error();
    const user = userEvent.setup();
    await renderPanel();
    const notice = await screen.findByTestId('similar-unchecked', {}, loading);
    expect(notice).toHaveTextContent('Vägval kunde inte kontrollera liknande köp: beslutsregistret gick inte att nå (ingen förbindelse med servern).');
    expect(notice).toHaveTextContent('Beslutsunderlaget antecknar att liknande köp inte kunde kontrolleras.');
    expect(latest()?.wizard.similarCheck).toMatchObject({ status: 'unchecked', reason: 'offline' });
    answer = () => HttpResponse.json({ window: { from: '2025-11-22', to: '2027-11-22' }, items: [] } satisfies SimilarResponse);
    await user.click(within(notice).getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByTestId('similar-none')).toBeInTheDocument();
    expect(latest()?.wizard.similarCheck).toMatchObject({ status: 'checked' });
  });

  it('names the role when the register refuses it, and when the server fails', async () => {
    answer = () => HttpResponse.json({ error: 'forbidden', message: 'you may not read records of motala' }, { status: 403 });
    await renderPanel();
    expect(await screen.findByTestId('similar-unchecked', {}, loading)).toHaveTextContent('du arbetar som upphandlare (Upphandlare), och den rollen får inte läsa Motala kommuns beslut i registret');
    expect(latest()?.wizard.similarCheck).toMatchObject({ status: 'unchecked', reason: 'forbidden', detail: '403: you may not read records of motala' });
    cleanup();
    answer = () => HttpResponse.json({ error: 'internal', message: 'boom' }, { status: 500 });
    await renderPanel();
    expect(await screen.findByTestId('similar-unchecked', {}, loading)).toHaveAttribute('data-reason', 'server-error');
  });
});
