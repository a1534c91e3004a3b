// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { checkIds, type VerificationReport, type VerifyProgress } from '../../shared/transparency';
import { VerifyAllView } from './verify-all-view';

const note = 'vagval.local/register\n12\nq0X3n1Lm6pZ8i7c5E1YyS0l2mHnHj3Vb4G9r8wqXc0A=\ntime 2026-12-01T14:00:00Z\n\n— vagval.local/register abcd\n';
const progress: VerifyProgress = { runId: 'run-1', mode: 'full', status: 'running', checked: 200, total: 12_000, startedAt: '2026-12-01T14:00:00.000Z', error: null };
const report: VerificationReport = {
  runId: 'run-1',
  mode: 'full',
  startedAt: '2026-12-01T14:00:00.000Z',
  finishedAt: '2026-12-01T14:00:02.000Z',
  durationMs: 2000,
  longestSliceMs: 8.4,
  ok: true,
  checked: 12,
  treeSize: 12,
  headHash: 'b'.repeat(64),
  fromCheckpoint: null,
  reached: { origin: 'vagval.local/register', treeSize: 12, rootHash: 'q0X3n1Lm6pZ8i7c5E1YyS0l2mHnHj3Vb4G9r8wqXc0A=', time: '2026-12-01T14:00:00Z', note },
  checks: checkIds.map((id) => ({ id, status: 'passed', checked: 12, failed: 0, detail: '' })),
  failures: [],
  failedCount: 0,
  logProblems: [],
  against: { kind: 'checkpoint', extension: true, treeSize: 8, recordId: null, reasons: [{ sv: 'den senaste kontrollpunkten (12 poster) är en utökning av den från 2025-12-01 (8 poster)', en: 'the latest checkpoint (12 records) extends the one of 2025-12-01 (8 records)' }],
    answer: { yes: true, text: { sv: 'Ja: registret är i dag en ren utökning av det du höll upp.', en: 'Yes: the register today is an append-only extension of what you brought.' } },
  },
  notes: [],
};

let polls = 0;
const posted: unknown[] = [];
const server = setupServer(
  http.get('/api/transparency/witnesses', () => HttpResponse.json({ witnesses: [] })),
  http.post('/api/verify/runs', async ({ request }) => {
    posted.push(await request.json());
    return HttpResponse.json({ progress, report: null }, { status: 202 });
  }),
  // The first poll finds the run part-way, the next finds it done.
  http.get('/api/verify/runs/run-1', () => (polls++ === 0 ? HttpResponse.json({ progress, report: null }) : HttpResponse.json({ progress: { ...progress, status: 'done', checked: 12, total: 12 }, report }))),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  polls = 0;
  posted.length = 0;
});
afterAll(() => server.close());

const renderView = () =>
  render(
    <I18nProvider lang="sv">
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <VerifyAllView onOpen={() => {}} />
      </QueryClientProvider>
    </I18nProvider>,
  );

describe('verifying the whole register', () => {
  it('asks for a checkpoint at the field when none was given, and sends nothing', async () => {
    const user = userEvent.setup();
    renderView();
    await user.click(screen.getByRole('button', { name: 'Pröva registret mot den' }));
    expect(screen.getByLabelText('Kontrollpunkt eller kvitto från en tidigare revision')).toHaveAccessibleDescription(/Klistra in en kontrollpunkt eller ett kvitto/);
    expect(posted).toEqual([]);
  });

  it("follows the run's progress, then answers yes or no for the auditor's checkpoint with the checklist and the checkpoint reached", async () => {
    const user = userEvent.setup();
    renderView();
    await user.click(screen.getByLabelText('Kontrollpunkt eller kvitto från en tidigare revision'));
    await user.paste(note);
    await user.click(screen.getByRole('button', { name: 'Pröva registret mot den' }));
    expect(await screen.findByText('Kontrollerar… 200 av 12000 poster')).toBeInTheDocument();
    expect(await screen.findByText('Ja: registret är i dag en ren utökning av det du höll upp.', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByText(/Den senaste kontrollpunkten \(12 poster\) är en utökning av den från 2025-12-01 \(8 poster\)\./)).toBeInTheDocument();
    expect(screen.queryByText(/extends the one of/)).toBeNull();
    expect(posted).toEqual([{ mode: 'full', against: note }]);
    const checklist = screen.getByRole('table', { name: 'Vad kontrollen visade' });
    expect(within(checklist).getByRole('row', { name: /Med i transparensloggen \(inklusion\) Godkänd 12 0/ })).toBeInTheDocument();
    expect(within(checklist).getAllByRole('row')).toHaveLength(checkIds.length + 1);
    expect(screen.getByLabelText('Signerad kontrollpunkt')).toHaveTextContent('vagval.local/register 12');
    expect(screen.getByRole('button', { name: 'Ladda ner rapporten (JSON)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Skriv ut rapporten' })).toBeInTheDocument();
  });
});
