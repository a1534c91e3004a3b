// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import type { WitnessStatus } from '../../shared/witness-status';
import { WitnessedRecordLine, WitnessStatusView } from './witness-lines';

const revisionen: WitnessStatus = {
  name: 'Revisionen',
  verifierKey: 'vittne.example/revisor+abcd1234+BA==',
  maxAgeHours: 48,
  size: 12,
  cosignedAt: '2026-03-01T09:30:00.000Z',
  cosigned: 'vagval.local/register\n12\nroot=\n\n— vagval.local/register sig\n— vittne.example/revisor cosig\n',
  stale: false,
  refused: null,
};
let witnesses: WitnessStatus[] = [revisionen];
const server = setupServer(http.get('/api/transparency/witnesses', () => HttpResponse.json({ witnesses })));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  witnesses = [revisionen];
});
afterAll(() => server.close());

const renderIn = (lang: 'sv' | 'en', node: React.ReactNode) =>
  render(
    <I18nProvider lang={lang}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{node}</QueryClientProvider>
    </I18nProvider>,
  );

describe('the witnesses on the Kontroll page and on receipts', () => {
  it('say who witnessed the register up to which record, in Swedish time', async () => {
    renderIn('sv', <WitnessStatusView />);
    expect(await screen.findByText('Bevittnat av Revisionen t.o.m. nr 12, 2026-03-01 10:30 svensk tid')).toBeInTheDocument();
  });

  it('say plainly when a witness refused a checkpoint, or has not cosigned within its limit', async () => {
    witnesses = [{ ...revisionen, stale: true, refused: { size: 15, status: 422, at: '2026-03-02T08:00:00Z', reason: { sv: 'beviset håller inte', en: 'the proof fails' } } }];
    renderIn('en', <WitnessStatusView />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Revisionen refused the checkpoint for 15 records: the proof fails');
    expect(screen.getByText(/older than 48 hours and decisions were saved since/)).toBeInTheDocument();
  });

  it('mark a receipt witnessed only when the witness cosigned a tree holding its record', async () => {
    const { unmount } = renderIn('sv', <WitnessedRecordLine recordId={12} />);
    expect(await screen.findByText(/Bevittnat av Revisionen t\.o\.m\. nr 12/)).toBeInTheDocument();
    unmount();
    renderIn('sv', <WitnessedRecordLine recordId={13} />);
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.queryByText(/Bevittnat av/)).toBeNull();
  });
});
