// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../engine/answers-schema';
import { evaluate } from '../../engine/evaluate';
import { I18nProvider } from '../../i18n/i18n';
import { browserRuleset } from '../../rules-data/browser-ruleset';
import { saveDecisionRequestSchema, type SaveDecisionRequest } from '../../shared/decision-record';
import { SaveDecisionButton } from './index';
import { ljungbyAnswers } from '../../../tests/fixtures/answers';

const answers: Answers = ljungbyAnswers;
const outcome = evaluate(browserRuleset, answers);
const received: SaveDecisionRequest[] = [];

const server = setupServer(
  http.post('/api/decisions', async ({ request }) => {
    const body = saveDecisionRequestSchema.parse(await request.json());
    received.push(body);
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
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  received.length = 0;
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
    expect(await screen.findByText(/Sparat som beslut nr 12/)).toBeInTheDocument();
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

  it('explains a refusal because the rule set changed', async () => {
    server.use(http.post('/api/decisions', () => HttpResponse.json({ error: 'ruleset-changed', message: 'x', problems: [{ field: 'rulesetHash', message: 'x' }] }, { status: 409 })));
    const user = userEvent.setup();
    renderButton();
    await user.click(await screen.findByRole('button', { name: 'Spara i beslutsregistret' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Regelverket har ändrats sedan bedömningen gjordes');
  });
});
