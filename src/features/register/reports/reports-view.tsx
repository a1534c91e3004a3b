import type { Localized } from '../../../engine/ruleset-schema';
import { useI18n } from '../../../i18n/i18n';
import { useActingAs } from '../use-acting-as';
import { ExceptionsView } from './exceptions-view';
import { ImpactView } from './impact-view';
import { reportHash, type ReportId } from './register-hash';
import { RulesetDiffView } from './ruleset-diff-view';
import { SocialReportView, socialPresets, type SocialPresetId } from './social-report-view';

const reportNames: Record<ReportId, Localized> = {
  avvikelser: { sv: 'Avvikelser och uppdelade köp', en: 'Exceptions and split purchases' },
  regelandring: { sv: 'Vad en regeländring hade ändrat', en: 'What a rule change would have changed' },
  regelverk: { sv: 'Jämför regelverk', en: 'Compare rule sets' },
  'lekeberg-sociala-foretag': socialPresets['lekeberg-sociala-foretag'].title,
  'lekeberg-samarbete-2022': socialPresets['lekeberg-samarbete-2022'].title,
  'region-orebro-civilsamhallet': socialPresets['region-orebro-civilsamhallet'].title,
};
const auditorOnly: ReportId[] = ['regelandring', 'regelverk'];

/** The auditor's reports, each at its own address (`#/register/rapport/<report>?<filter>`). */
export function ReportsView({ report, params }: { report: ReportId | null; params: URLSearchParams }) {
  const { t } = useI18n();
  const role = useActingAs().role;
  const available = (Object.keys(reportNames) as ReportId[]).filter((r) => role !== 'procurer' || !auditorOnly.includes(r));
  const shown = report && available.includes(report) ? report : null;
  return (
    <div className="reports">
      <nav aria-label={t({ sv: 'Rapporter', en: 'Reports' })} className="report-menu no-print">
        <ul>
          {available.map((r) => (
            <li key={r}>
              <a href={reportHash(r)} aria-current={r === shown ? 'page' : undefined}>{t(reportNames[r])}</a>
            </li>
          ))}
        </ul>
      </nav>
      {report && !shown ? <p role="alert">{t({ sv: 'Den rapporten är för revisorer och administratörer.', en: 'That report is for auditors and administrators.' })}</p> : null}
      {shown === 'avvikelser' ? <ExceptionsView key={params.toString()} params={params} /> : null}
      {shown === 'regelandring' ? <ImpactView params={params} /> : null}
      {shown === 'regelverk' ? <RulesetDiffView params={params} /> : null}
      {shown && shown in socialPresets ? <SocialReportView key={`${shown}?${params.toString()}`} report={shown as SocialPresetId} params={params} /> : null}
      {!report ? <p>{t({ sv: 'Välj en rapport. Varje rapport och varje beslut har en adress som kan anges i en granskningsrapport.', en: 'Choose a report. Every report and every decision has an address that can be cited in an audit report.' })}</p> : null}
    </div>
  );
}
