// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Answers } from '../../engine/answers-schema';
import { evaluate } from '../../engine/evaluate';
import { I18nProvider } from '../../i18n/i18n';
import { browserRuleset } from '../../rules-data/browser-ruleset';
import { saveDecisionRequestSchema, type SaveDecisionRequest } from '../../shared/decision-record';
import { permissions } from '../../server/access';
import { writeActingAs } from './api/acting-as';
import { SaveDecisionButton } from './index';
import { savingRoles } from './save-decision-button';
import { ljungbyAnswers } from '../../../tests/fixtures/answers';

const answers: Answers = ljungbyAnswers;
const outcome = evaluate(browserRuleset, answers);
const received: SaveDecisionRequest[] = [];
const keys: Array<string | null> = [];
let headerIdentity = true;

const server = setupServer(
  http.post('/api/decisions', async ({ request }) => {
    const body = saveDecisionRequestSchema.parse(await request.json());
    received.push(body);
    keys.push(request.headers.get('idempotency-key'));
    const { rulesetHash, verdicts, recommendedRoute, chosenRoute, justification } = body;
    return HttpResponse.json(
      {
        answers: body.answers,
        rulesetVersion: browserRuleset.version,
        rulesetHash,
        verdicts,
        recommendedRoute,
        chosenRoute,
        justification,
        deviationReason: null,
        corrects: null,
        savedBy: { user: 'upphandlare', role: 'procurer' },
        recordedAt: '2026-11-22T12:00:00.000Z',
        id: 12,
        prevHash: '0'.repeat(64),
        hash: 'f'.repeat(64),
        supersededBy: null,
      },
      { status: 201 },
    );
  }),
  http.get('/api/identities', () => HttpResponse.json({ headerIdentity, users: headerIdentity ? [{ name: 'upphandlare', roles: ['procurer'], organisations: [] }, { name: 'revisor', roles: ['auditor'], organisations: [] }] : [] })),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  received.length = 0;
  keys.length = 0;
  headerIdentity = true;
  sessionStorage.clear();
  localStorage.clear();
});
afterAll(() => server.close());

function renderButton(props: Partial<Parameters<typeof SaveDecisionButton>[0]> = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <I18nProvider lang="sv">
      <QueryClientProvider client={client}>
        <SaveDecisionButton answers={answers} outcome={outcome} chosenRoute="direct-award" justification="Lågt värde." {...props} />
      </QueryClientProvider>
    </I18nProvider>,
  );
}

describe('saving from the recommendation page', () => {
  it('sends the answers with the verdicts shown and the rule-set hash, and tells the record number', async () => {
    const user = userEvent.setup();
    renderButton();
    await user.click(await screen.findByRole('button', { name: 'Spara i beslutsregistret' }));
    expect(await screen.findByRole('button', { name: 'Sparat som nr 12' })).toBeInTheDocument();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ rulesetHash: browserRuleset.hash, chosenRoute: 'direct-award', recommendedRoute: outcome.recommendation.route });
    expect(received[0]!.verdicts['direct-award']).toBe(outcome.routes.find((r) => r.route === 'direct-award')!.verdict);
  });

  it('names a missing justification in Swedish and sends nothing', async () => {
    const user = userEvent.setup();
    renderButton({ justification: '   ' });
    await user.click(await screen.findByRole('button', { name: 'Spara i beslutsregistret' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Motivering saknas');
    expect(received).toHaveLength(0);
  });

  it('asks for a reason when the chosen route is not the recommended one', async () => {
    const user = userEvent.setup();
    renderButton({ chosenRoute: 'reserved-contract' });
    await user.click(await screen.findByRole('button', { name: 'Spara i beslutsregistret' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Skäl att avvika saknas');
    expect(received).toHaveLength(0);
  });

  it('does not file a route judged not allowed without the acknowledgement, and tells the page which fields', async () => {
    const user = userEvent.setup();
    const onInvalid = vi.fn();
    expect(outcome.routes.find((r) => r.route === 'iop')!.verdict).toBe('not-allowed');
    renderButton({ chosenRoute: 'iop', deviationReason: 'Politiskt beslut.', onInvalid });
    await user.click(await screen.findByRole('button', { name: 'Spara i beslutsregistret' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Bekräftelse saknas');
    expect(onInvalid).toHaveBeenCalledWith(['acknowledgedVerdict']);
    expect(received).toHaveLength(0);
    cleanup();
    renderButton({ chosenRoute: 'iop', deviationReason: 'Politiskt beslut.', acknowledgedVerdict: 'not-allowed' });
    await user.click(await screen.findByRole('button', { name: 'Spara i beslutsregistret' }));
    await screen.findByRole('button', { name: 'Sparat som nr 12' });
    expect(received[0]).toMatchObject({ chosenRoute: 'iop', acknowledgedVerdict: 'not-allowed', deviationReason: 'Politiskt beslut.' });
  });

  it('after saving reads "Sparat som nr N", keeps the focus and does not save again until the decision changes', async () => {
    const user = userEvent.setup();
    const view = renderButton();
    const button = await screen.findByRole('button', { name: 'Spara i beslutsregistret' });
    await user.click(button);
    await screen.findByRole('button', { name: 'Sparat som nr 12' });
    expect(document.activeElement).toBe(button);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(received).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Öppna beslut nr 12 i registret' })).toHaveAttribute('href', '#/register/beslut/12');
    // Another justification is another decision: it may be saved, with a new key.
    view.rerender(
      <I18nProvider lang="sv">
        <QueryClientProvider client={new QueryClient()}>
          <SaveDecisionButton answers={answers} outcome={outcome} chosenRoute="direct-award" justification="Lågt värde, ny kalkyl." />
        </QueryClientProvider>
      </I18nProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Spara i beslutsregistret' }));
    await waitFor(() => expect(received).toHaveLength(2));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('retries a save that got no answer with the same Idempotency-Key', async () => {
    let calls = 0;
    const seen: Array<string | null> = [];
    server.use(
      http.post('/api/decisions', ({ request }) => {
        calls++;
        seen.push(request.headers.get('idempotency-key'));
        return calls === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const user = userEvent.setup();
    renderButton();
    const button = await screen.findByRole('button', { name: 'Spara i beslutsregistret' });
    await user.click(button);
    expect(await screen.findByRole('alert')).toHaveTextContent('försök igen, så sparas det bara en gång');
    await user.click(button);
    await screen.findByRole('button', { name: 'Sparat som nr 12' });
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
  });

  it('shows who saves and that the identity is not checked in local mode, the role not repeated where it is the name', async () => {
    renderButton();
    const who = await screen.findByText(/Sparas av/);
    expect(who.textContent).toBe('Sparas av upphandlare');
    expect(await screen.findByText(/lokalt läge: identiteten är inte kontrollerad/)).toBeInTheDocument();
  });

  it('does not claim local mode when the server checks identities', async () => {
    headerIdentity = false;
    renderButton();
    await screen.findByText(/Sparas av/);
    await waitFor(() => expect(screen.queryByText(/lokalt läge/)).not.toBeInTheDocument());
  });

  it('tells a role that cannot save what to change, and sends nothing', async () => {
    writeActingAs({ user: 'revisor', role: 'auditor' });
    const user = userEvent.setup();
    renderButton();
    const button = await screen.findByRole('button', { name: 'Spara i beslutsregistret' });
    expect(screen.getByText(/Rollen Revisor får inte spara beslut. Välj rollen Upphandlare/)).toBeInTheDocument();
    await user.click(button);
    expect(received).toHaveLength(0);
    expect(screen.getByRole('group', { name: 'Du arbetar som' })).toBeInTheDocument();
  });

  it('lets save the same roles as the server', () => {
    expect([...savingRoles].sort()).toEqual([...permissions.save].sort());
  });

  it('hands a field the server refuses to the page, so the error shows there', async () => {
    server.use(http.post('/api/decisions', () => HttpResponse.json({ error: 'deviation-reason-required', message: 'x', problems: [{ field: 'deviationReason', message: 'x' }] }, { status: 422 })));
    const onInvalid = vi.fn();
    const user = userEvent.setup();
    renderButton({ onInvalid });
    await user.click(await screen.findByRole('button', { name: 'Spara i beslutsregistret' }));
    await waitFor(() => expect(onInvalid).toHaveBeenCalledWith(['deviationReason']));
    expect(await screen.findByRole('alert')).toHaveTextContent('skälet att avvika saknas. (Skäl att avvika)');
  });

  it('explains a refusal because the rule set changed', async () => {
    server.use(http.post('/api/decisions', () => HttpResponse.json({ error: 'ruleset-changed', message: 'x', problems: [{ field: 'rulesetHash', message: 'x' }] }, { status: 409 })));
    const user = userEvent.setup();
    renderButton();
    await user.click(await screen.findByRole('button', { name: 'Spara i beslutsregistret' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Regelverket har ändrats sedan bedömningen gjordes');
  });
});
