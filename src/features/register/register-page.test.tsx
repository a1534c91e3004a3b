// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Answers } from '../../engine/answers-schema';
import { evaluate } from '../../engine/evaluate';
import { I18nProvider } from '../../i18n/i18n';
import { browserRuleset } from '../../rules-data/browser-ruleset';
import type { DecisionRecord, StatsRow } from '../../shared/decision-record';
import type { Replay } from '../../shared/decision-trail';
import type { RecordAudit } from '../../shared/audit-report';
import { RegisterPage } from './register-page';
import { ljungbyAnswers } from '../../../tests/fixtures/answers';

// Role queries walk the whole tree, and the organisation pickers now list every kommun and region:
// on a shared two-core machine one query can take longer than testing-library's default second.
configure({ asyncUtilTimeout: 10_000 });

const answers: Answers = ljungbyAnswers;
const ruleset = browserRuleset;
const outcome = evaluate(ruleset, answers);
const record: DecisionRecord = {
  id: 7,
  answers,
  rulesetVersion: ruleset.version,
  rulesetHash: ruleset.hash,
  verdicts: { 'direct-award': 'recommended', 'social-considerations': 'allowed', 'reserved-contract': 'allowed', iop: 'not-allowed' },
  recommendedRoute: 'direct-award',
  chosenRoute: 'direct-award',
  justification: 'Lågt värde; leverantören har integrationsuppdrag.',
  deviationReason: null,
  corrects: null,
  savedBy: { user: 'upphandlare', role: 'procurer' },
  recordedAt: '2026-11-22T10:00:00.000Z',
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
  supersededBy: null,
};
const replay: Replay = {
  id: 7,
  stored: { version: ruleset.version, hash: ruleset.hash },
  current: { version: '2027.1.0', hash: 'c'.repeat(64) },
  sameRuleset: false,
  recommendation: { before: 'direct-award', after: 'reserved-contract' },
  chosenRoute: { route: 'direct-award', before: 'recommended', after: 'not-allowed' },
  routes: [
    {
      route: 'direct-award',
      name: { sv: 'Direktupphandling', en: 'Direct award' },
      before: 'recommended',
      after: 'not-allowed',
      changed: true,
      reasons: [{ ruleId: 'direct-award.below-limit', title: { sv: 'Under direktupphandlingsgränsen', en: 'Below the direct-award limit' }, before: 'held', after: 'failed', explanation: { sv: 'Värdet är över gränsen.', en: 'The value is above the limit.' } }],
    },
  ],
  parameters: [{ id: 'direct-award-limit', label: { sv: 'Direktupphandlingsgränsen', en: 'The direct-award limit' }, unit: 'SEK', before: { value: 700000, from: '2022-02-01' }, after: { value: 400000, from: '2027-01-01' } }],
  layers: {
    before: [{ id: 'ljungby', name: { sv: 'Ljungby kommun: Policy gällande sociala företag', en: 'Ljungby kommun: Policy gällande sociala företag' }, owner: 'Ljungby kommun', version: '2023-03-01', shared: false }],
    after: [{ id: 'ljungby', name: { sv: 'Ljungby kommun: Policy gällande sociala företag', en: 'Ljungby kommun: Policy gällande sociala företag' }, owner: 'Ljungby kommun', version: '2027-01-01', shared: false }],
  },
  notes: [{ route: 'direct-award', id: 'overlay.ljungby.quotes', layer: { sv: 'Ljungby kommun: Policy gällande sociala företag', en: 'Ljungby kommun: Policy gällande sociala företag' }, change: 'added', text: { sv: 'Ta in tre offerter.', en: 'Take three quotes.' } }],
  anyDifference: true,
};
const stats: StatsRow[] = [
  { organisation: 'lekeberg', period: '2026', route: 'reserved-contract', supplierKind: 'social-enterprise', chosenVerdict: 'allowed', count: 3, valueSek: 1200000 },
  { organisation: 'lekeberg', period: '2026', route: 'direct-award', supplierKind: 'ideaburen', chosenVerdict: 'allowed', count: 1, valueSek: 90000 },
  { organisation: 'lekeberg', period: '2026', route: 'iop', supplierKind: 'ideaburen', chosenVerdict: 'allowed', count: 1, valueSek: 400000 },
  // An IOP the engine judged not allowed (a per-visitor payment): a purchase, chosen against the verdict.
  { organisation: 'lekeberg', period: '2026', route: 'iop', supplierKind: 'ideaburen', chosenVerdict: 'not-allowed', count: 2, valueSek: 120000 },
];

const asJudged = (date: string): RecordAudit['asDecided'] => ({ rulesetVersion: '2027.1.0', date, verdicts: replay.routes.reduce((v, r) => ({ ...v, [r.route]: r.after }), { ...record.verdicts }), recommendedRoute: 'reserved-contract' as const, problem: null });
const recordAudit: RecordAudit = {
  row: {
    id: 7, organisation: 'ljungby', decisionDate: answers.decisionDate, recordedAt: record.recordedAt, rulesetVersion: ruleset.version, chosenRoute: 'direct-award',
    recommendedRoute: 'direct-award', chosenVerdict: 'recommended', deviates: false, deviationReason: null, description: null, supplierName: null, supplierOrgNumber: null,
    supplierKind: 'social-enterprise', cpvCode: null, totalSek: 450000, documentationLimitSek: 100000, daysToRecord: 0, weakBasis: [], corrects: null, supersededBy: null,
    exceptions: ['above-documentation-limit'], related: [],
  },
  limits: [
    { id: 'direct-award-limit', label: { sv: 'Direktupphandlingsgränsen', en: 'The direct-award limit' }, unit: 'SEK', value: 700000, from: '2022-02-01', status: 'verified', source: { title: 'Nya regler 2022', section: 'Gränsen', url: null }, deciding: true },
    { id: 'eu-threshold-works', label: { sv: 'EU:s tröskelvärde för byggentreprenader', en: 'The EU threshold for works' }, unit: 'SEK', value: 59880179, from: '2026-01-01', status: 'constructed', source: { title: 'Tröskelvärden', section: '2026', url: null }, deciding: false },
  ],
  timeline: [
    { kind: 'decided', at: answers.decisionDate, recordId: null, by: null, role: null, result: null, rulesetVersion: null, detail: null },
    { kind: 'saved', at: record.recordedAt, recordId: 7, by: 'upphandlare', role: 'procurer', result: null, rulesetVersion: ruleset.version, detail: null },
  ],
  asDecided: asJudged(answers.decisionDate),
  asToday: asJudged('2027-03-01'),
};

const seen: Array<{ path: string; search: string; user: string | null; role: string | null }> = [];
const server = setupServer(
  http.get('/api/transparency/witnesses', () => HttpResponse.json({ witnesses: [] })),
  http.get('/api/identities', () =>
    HttpResponse.json({ headerIdentity: true, users: [{ name: 'upphandlare', roles: ['procurer'], organisations: ['ljungby'] }, { name: 'revisor', roles: ['auditor'], organisations: [] }] }),
  ),
  http.get('/api/decisions', ({ request }) => HttpResponse.json({ items: new URL(request.url).searchParams.get('organisation') === 'motala' ? [] : [record], nextBefore: null })),
  http.get('/api/decisions/7', () => HttpResponse.json({ record, outcome, outcomeProblem: null })),
  http.get('/api/decisions/7/verify', () => HttpResponse.json({ id: 7, ok: false, problems: [{ kind: 'hash-mismatch', detail: 'the stored content does not match the record hash' }] })),
  http.get('/api/decisions/7/replay', () => HttpResponse.json(replay)),
  http.get('/api/stats', () => HttpResponse.json({ rows: stats })),
  http.get('/api/reports/records/7', () => HttpResponse.json(recordAudit)),
);
server.events.on('request:start', ({ request }) => {
  const url = new URL(request.url);
  seen.push({ path: url.pathname, search: url.search, user: request.headers.get('x-vagval-user'), role: request.headers.get('x-vagval-role') });
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  localStorage.clear();
  seen.length = 0;
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  window.location.hash = '';
});
afterAll(() => server.close());
// The page renders through lazy modules and several queries; on a busy machine that takes longer than findBy's 1 s.
configure({ asyncUtilTimeout: 10_000 });

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <I18nProvider lang="sv">
      <QueryClientProvider client={client}>
        <RegisterPage />
      </QueryClientProvider>
    </I18nProvider>,
  );
}

describe('the register page', { timeout: 60_000 }, () => {
  it('lists decisions as the chosen user and filters them', async () => {
    const user = userEvent.setup();
    renderPage();
    // Role queries walk the whole page, the filter's three hundred buyers included: slow on a busy machine.
    expect(await screen.findByRole('button', { name: 'Öppna beslut 7' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(seen.find((s) => s.path === '/api/decisions')).toMatchObject({ user: 'upphandlare', role: 'procurer' });
    await user.selectOptions(screen.getByLabelText('Organisation'), 'motala');
    await user.click(screen.getByRole('button', { name: 'Filtrera' }));
    expect(await screen.findByText('Inga beslut matchar filtret.')).toBeInTheDocument();
    expect(seen.at(-1)!.search).toContain('organisation=motala');
  });

  it('marks a decision that failed the latest verification in the list, row and notice alike', async () => {
    server.use(http.get('/api/decisions', () => HttpResponse.json({ items: [record], nextBefore: null, failedVerification: { runId: 'r1', at: '2026-12-01T09:30:00Z', ids: [7] } })));
    renderPage();
    const open = await screen.findByRole('button', { name: 'Öppna beslut 7' });
    expect(open.closest('td')).toHaveTextContent('Underkänd i den senaste kontrollen');
    expect(screen.getByRole('alert')).toHaveTextContent('Beslut nr 7 underkändes i den senaste kontrollen (2026-12-01 10:30 svensk tid): de stämmer inte med registrets signerade logg');
  });

  it('names the field of a bad filter in Swedish and sends nothing', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('button', { name: 'Öppna beslut 7' });
    const before = seen.length;
    await user.type(screen.getByLabelText('Lägsta värde (kr)'), '500000');
    await user.type(screen.getByLabelText('Högsta värde (kr)'), '100');
    await user.click(screen.getByRole('button', { name: 'Filtrera' }));
    expect(screen.getByLabelText('Högsta värde (kr)')).toHaveAccessibleDescription('Högsta värde får inte vara lägre än lägsta värde.');
    expect(seen.length).toBe(before);
  });

  it('opens a decision with its trail, verifies it as auditor and replays it under the current rules', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('option', { name: 'revisor (Revisor)' });
    await user.selectOptions(screen.getByLabelText('Användare och roll'), 'revisor|auditor');
    await user.click(await screen.findByRole('button', { name: 'Öppna beslut 7' }));
    expect(await screen.findByRole('heading', { name: 'Beslut nr 7' })).toBeInTheDocument();
    // The record has its own address, so it can be linked to and reached with Back.
    expect(window.location.hash).toBe('#/register/beslut/7');
    expect(screen.getByText('Lågt värde; leverantören har integrationsuppdrag.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ladda ner beslutet som PDF' })).toBeEnabled();
    const direct = screen.getByRole('region', { name: 'Direktupphandling' });
    expect(within(direct).getByText('Rekommenderas')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Kontrollera beslutet' }));
    expect(await screen.findByText('Kontrollen misslyckades:')).toBeInTheDocument();
    expect(screen.getByText(/Innehållet har ändrats sedan det sparades/)).toBeInTheDocument();
    expect(seen.find((s) => s.path === '/api/decisions/7/verify')).toMatchObject({ user: 'revisor', role: 'auditor' });

    await user.click(screen.getByRole('button', { name: 'Pröva mot dagens regelverk' }));
    const changed = await screen.findByRole('table', { name: 'Ändrade värden på beslutsdagen' });
    expect(within(changed).getByRole('row', { name: /Direktupphandlingsgränsen/ })).toHaveTextContent('700 000');
    expect(within(changed).getByRole('row', { name: /Direktupphandlingsgränsen/ })).toHaveTextContent('400 000');
    // The audit view says which date each judgement is for, and lists the limit with its date and status.
    expect(screen.getByText(/^Med regelverk 2027\.1\.0, för beslutsdatumet 2026-11-22, blir bedömningen: Direktupphandling: inte tillåten/)).toBeInTheDocument();
    expect(screen.getByText(/^Med regelverk 2027\.1\.0, om beslutet fattades i dag \(2027-03-01\), blir bedömningen/)).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Gränser som bedömningen avgjordes av' })).getByRole('row', { name: /^Direktupphandlingsgränsen 700\s000 kr 2022-02-01 Nya regler 2022, Gränsen bekräftad$/ })).toBeInTheDocument();
    // A threshold the evaluation only read waits behind a closed disclosure, after the one the verdict turned on.
    const others = screen.getByText('Övriga gränser som lästes men inte avgjorde bedömningen (1)').closest('details')!;
    expect(others).not.toHaveAttribute('open');
    expect(others).toHaveTextContent('EU:s tröskelvärde för byggentreprenader');
    expect(screen.getByText(/Rekommendationen ändras/)).toBeInTheDocument();
    // A layer change replays like a rule change: the policy's versions then and now, and the note it added.
    const layers = screen.getByRole('region', { name: 'Organisationens riktlinjer' });
    expect(layers).toHaveTextContent('Då: Ljungby kommun: Policy gällande sociala företag (version 2023-03-01)');
    expect(layers).toHaveTextContent('Nu: Ljungby kommun: Policy gällande sociala företag (version 2027-01-01)');
    expect(within(layers).getByRole('listitem')).toHaveTextContent('Direktupphandling, Ljungby kommun: Policy gällande sociala företag (ny): Ta in tre offerter.');
  });

  it('shows statistics as a chart and a table, counting only a genuine IOP as a partnership and marking a choice against the verdict', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Statistik' }));
    const table = await screen.findByRole('table', { name: 'Beslut per organisation, period, väg, leverantörstyp och den valda vägens bedömning' });
    // The statistics have an address of their own, to link to or come back to.
    expect(window.location.hash).toBe('#/register/statistik');
    expect(screen.getByRole('button', { name: 'Statistik' })).toHaveAttribute('aria-pressed', 'true');
    // A header, the four rows, and the totals: purchases, partnerships (IOP) apart, all, and the choices against the verdict.
    expect(within(table).getAllByRole('row')).toHaveLength(9);
    expect(within(table).getByRole('row', { name: /^Summa köp 6 1\s410\s000 kr$/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /^Summa partnerskap \(IOP, inte köp\) 1 400\s000 kr$/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /^Varav vald mot bedömningen .* 2 120\s000 kr$/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /^Lekebergs kommun 2026 Idéburet offentligt partnerskap \(IOP\) Idéburen organisation Inte tillåten\s+≠ vald mot bedömningen Köp 2 120\s000 kr$/ })).toBeInTheDocument();
    expect(screen.getAllByRole('img')[0]).toHaveAccessibleName(/Idéburen organisation 4; Socialt företag 3/);
    await user.click(screen.getByRole('radio', { name: 'Väg' }));
    expect(screen.getAllByRole('img')[0]).toHaveAccessibleName(/IOP bedömt som köp \(vald mot bedömningen\) 2/);
    expect(screen.getByRole('button', { name: 'Ladda ner som CSV' })).toBeInTheDocument();
  });

  it('opens the statistics and Kontroll at their own addresses, and tells a procurer sent to Kontroll whom it is for', async () => {
    window.location.hash = '#/register/statistik';
    renderPage();
    expect(await screen.findByRole('table', { name: 'Beslut per organisation, period, väg, leverantörstyp och den valda vägens bedömning' })).toBeInTheDocument();
    cleanup();
    window.location.hash = '#/register/kontroll';
    renderPage();
    expect(await screen.findByRole('status')).toHaveTextContent('Kontrollen är till för revisorer och administratörer.');
    expect(screen.queryByRole('button', { name: 'Öppna beslut 7' })).not.toBeInTheDocument();
  });

  it('says in Swedish when the role is refused', async () => {
    server.use(http.get('/api/decisions', () => HttpResponse.json({ error: 'forbidden', message: 'no' }, { status: 403 })));
    renderPage();
    expect(await screen.findByRole('alert')).toHaveTextContent('Din roll får inte göra detta. Försöket har loggats.');
  });
});
