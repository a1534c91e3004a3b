import { useState } from 'react';
import type { Localized } from '../../engine/ruleset-schema';
import { useI18n } from '../../i18n/i18n';
import type { ListFilter } from '../../shared/decision-record';
import { ActingAsPicker } from './acting-as-picker';
import { DecisionDetail } from './decision-detail';
import { DecisionFilters } from './decision-filters';
import { DecisionList } from './decision-list';
import { StatsView } from './stats-view';
import { useActingAs } from './use-acting-as';
import { goTo, parseRegisterHash, recordHash, reportHash, statsHash, useRegisterHash, verifyHash } from './reports/register-hash';
import { ReportsView } from './reports/reports-view';
import { VerifyAllView } from './verify-all-view';
import { WithQueryClient } from './with-query-client';
import './register.css';
import './reports/reports.css';

type View = 'decisions' | 'stats' | 'verify' | 'reports';
const viewNames: Record<View, Localized> = {
  decisions: { sv: 'Beslut', en: 'Decisions' },
  stats: { sv: 'Statistik', en: 'Statistics' },
  verify: { sv: 'Kontroll', en: 'Verification' },
  reports: { sv: 'Granskning och rapporter', en: 'Audit and reports' },
};

/** The decision register: list and filter decisions, open one with its trail, verify, replay, report. */
export function RegisterPage() {
  return (
    <WithQueryClient>
      <Register />
    </WithQueryClient>
  );
}

function Register() {
  const { t } = useI18n();
  const actingAs = useActingAs();
  const [filter, setFilter] = useState<Partial<ListFilter>>({});
  // A cited address (#/register/beslut/N, #/register/rapport/…) decides what is shown.
  const location = parseRegisterHash(useRegisterHash());
  const view: View = location.kind === 'report' ? 'reports' : location.kind === 'stats' ? 'stats' : location.kind === 'verify' ? 'verify' : 'decisions';
  const open = location.kind === 'record' ? location.id : null;
  const views: View[] = actingAs.role === 'procurer' ? ['decisions', 'stats', 'reports'] : ['decisions', 'stats', 'verify', 'reports'];
  const choose = (v: View) => {
    goTo(v === 'reports' ? reportHash(null) : v === 'stats' ? statsHash : v === 'verify' ? verifyHash : '#/register');
  };
  // An opened record gets its own address, so it can be linked to, bookmarked and reached with Back.
  const openDecision = (id: number) => {
    goTo(recordHash(id));
  };

  return (
    <div className="register-page">
      <h2>{t({ sv: 'Beslutsregister', en: 'Decision register' })}</h2>
      <p>
        {t({
          sv: 'Sparade beslut går inte att ändra eller radera. Varje beslut är kedjat till det föregående med en kontrollsumma, så att varje ändring i lagrade data upptäcks.',
          en: 'Saved decisions cannot be changed or deleted. Each decision is chained to the previous one with a hash, so any change to stored data is detected.',
        })}
      </p>
      <ActingAsPicker />
      <nav aria-label={t({ sv: 'Registrets delar', en: 'Parts of the register' })} className="register-views">
        <ul>
          {views.map((v) => (
            <li key={v}>
              <button type="button" aria-pressed={view === v} onClick={() => choose(v)}>
                {t(viewNames[v])}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {view === 'decisions' ? (
        open !== null ? (
          <DecisionDetail
            id={open}
            onClose={() => goTo('#/register')}
          />
        ) : (
          <>
            <DecisionFilters onApply={setFilter} />
            <DecisionList filter={filter} onOpen={openDecision} />
          </>
        )
      ) : view === 'stats' ? (
        <StatsView />
      ) : view === 'reports' && location.kind === 'report' ? (
        <ReportsView report={location.report} params={location.params} />
      ) : view === 'verify' && views.includes('verify') ? (
        <VerifyAllView onOpen={openDecision} />
      ) : view === 'verify' ? (
        <p role="status">{t({ sv: 'Kontrollen är till för revisorer och administratörer. Välj en sådan roll ovan för att kontrollera registret.', en: 'Verification is for auditors and administrators. Choose such a role above to verify the register.' })}</p>
      ) : null}
    </div>
  );
}
