import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { VerdictBadge } from '../../../components/verdict-badge';
import { routeIds } from '../../../engine/answers-schema';
import { formatValue } from '../../../engine/format';
import type { Localized } from '../../../engine/ruleset-schema';
import { useI18n } from '../../../i18n/i18n';
import { browserRuleset } from '../../../rules-data/browser-ruleset';
import { exceptionNames } from '../../../shared/audit-labels';
import type { RecordAudit } from '../../../shared/audit-report';
import type { DecisionRecord } from '../../../shared/decision-record';
import { apiErrorText } from '../api-error-text';
import { routeName } from '../labels';
import { actorKey, useActingAs } from '../use-acting-as';
import { recordAuditQuery } from './api/reports';
import { labelledAnswers } from './labelled-answers';
import { RecordLimits } from './record-limits';
import { RecordTimelineList } from './record-timeline-list';
import { recordHash } from './register-hash';
import { CiteAddress } from './report-chrome';


/** Replay in words that say what was tried: "Med regelverk X, för beslutsdatumet D, blir bedömningen …". */
export function judgementSentence(j: RecordAudit['asDecided'], today: boolean, t: (l: Localized) => string, lang: 'sv' | 'en'): string {
  const verdicts = routeIds.map((r) => `${t(routeName(r))}: ${formatValue(j.verdicts[r], 'enum', lang, [
    { value: 'recommended', label: { sv: 'rekommenderas', en: 'recommended' } },
    { value: 'allowed', label: { sv: 'tillåten', en: 'allowed' } },
    { value: 'not-allowed', label: { sv: 'inte tillåten', en: 'not allowed' } },
    { value: 'needs-info', label: { sv: 'behöver fler svar', en: 'needs more answers' } },
  ])}`);
  const when = today
    ? t({ sv: `om beslutet fattades i dag (${j.date})`, en: `if the decision were made today (${j.date})` })
    : t({ sv: `för beslutsdatumet ${j.date}`, en: `for the decision date ${j.date}` });
  if (j.problem) return t({ sv: `Med regelverk ${j.rulesetVersion}, ${when}, går det inte att bedöma: ${j.problem}`, en: `Under rule set ${j.rulesetVersion}, ${when}, it cannot be judged: ${j.problem}` });
  return t({ sv: `Med regelverk ${j.rulesetVersion}, ${when}, blir bedömningen: ${verdicts.join('; ')}.`, en: `Under rule set ${j.rulesetVersion}, ${when}, the verdict is: ${verdicts.join('; ')}.` });
}

/** A record as the auditor reads it: its answers in words, the limits it rested on, its history and its exceptions. */
export function RecordAuditView({ record }: { record: DecisionRecord }) {
  const { t, lang } = useI18n();
  const id = useId();
  const actor = actorKey(useActingAs());
  const audit = useQuery(recordAuditQuery(actor, record.id));
  const answers = labelledAnswers(browserRuleset, record.answers);
  return (
    <section aria-labelledby={`${id}-h`} className="record-audit">
      <h4 id={`${id}-h`}>{t({ sv: 'Granskning av beslutet', en: 'Audit of the decision' })}</h4>
      <CiteAddress hash={recordHash(record.id)} />
      <h5>{t({ sv: 'Svaren', en: 'The answers' })}</h5>
      <dl className="answers">
        {answers.map((a) => (
          <div key={a.path}>
            <dt>{t(a.label)}</dt>
            <dd>{t(a.value)}</dd>
          </div>
        ))}
      </dl>
      {audit.isPending ? <p role="status">{t({ sv: 'Hämtar granskningen…', en: 'Loading the audit…' })}</p> : null}
      {audit.isError ? <p role="alert">{t(apiErrorText(audit.error))}</p> : null}
      {audit.data ? (
        <>
          <p>
            {t({ sv: 'Den valda vägens bedömning: ', en: "The chosen route's verdict: " })}
            <VerdictBadge verdict={audit.data.row.chosenVerdict} lang={lang} />
            {audit.data.row.deviates ? <strong className="deviation-mark"> {t({ sv: '≠ avviker från rekommendationen', en: '≠ deviates from the recommendation' })}</strong> : null}
          </p>
          {audit.data.row.exceptions.length > 0 ? (
            <ul aria-label={t({ sv: 'Avvikelser', en: 'Exceptions' })}>
              {audit.data.row.exceptions.map((k) => (
                <li key={k}>{t(exceptionNames[k])}</li>
              ))}
            </ul>
          ) : null}
          <RecordLimits limits={audit.data.limits} />
          <h5>{t({ sv: 'Tidslinje', en: 'Timeline' })}</h5>
          <RecordTimelineList timeline={audit.data.timeline} />
          <h5>{t({ sv: 'Prövad mot gällande regelverk', en: 'Tried against the current rule set' })}</h5>
          <p>{judgementSentence(audit.data.asDecided, false, t, lang)}</p>
          <p>{judgementSentence(audit.data.asToday, true, t, lang)}</p>
        </>
      ) : null}
    </section>
  );
}
