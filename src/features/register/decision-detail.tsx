import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { swedishTime } from '../../shared/swedish-time';
import { whoSaved } from '../../shared/who-saved';
import { asSentence, recordProblemTitles } from '../../shared/verification-words';
import { ReceiptLine } from './receipt-view';
import { WitnessedRecordLine } from './witness-lines';
import { decisionTrailQuery } from './api/get-decision';
import { replayDecisionQuery } from './api/replay-decision';
import { verifyDecisionQuery } from './api/verify-decision';
import { apiErrorText } from './api-error-text';
import { DecisionTrailView } from './decision-trail-view';
import { deviationFlags, deviationOf } from '../../shared/deviation';
import { formatSek, organisationName, roleNames, routeName } from './labels';
import { UnaskedAnswerList } from './unasked-answer-list';
import { RecordPdfButton } from './record-pdf-button';
import { recordAuditQuery } from './reports/api/reports';
import { RecordAuditView } from './reports/record-audit-view';
import { ReplayView } from './replay-view';
import { actorKey, useActingAs } from './use-acting-as';
import { decidedByText } from '../../shared/decision-maker';

/** One decision with its full trail, a check of its integrity, and a replay under today's rules. */
export function DecisionDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, lang } = useI18n();
  const actingAs = useActingAs();
  const actor = actorKey(actingAs);
  const heading = useRef<HTMLHeadingElement>(null);
  const [verifyAsked, setVerifyAsked] = useState(false);
  const [replayAsked, setReplayAsked] = useState(false);
  const trail = useQuery(decisionTrailQuery(actor, id));
  const verify = useQuery({ ...verifyDecisionQuery(actor, id), enabled: verifyAsked });
  const replay = useQuery({ ...replayDecisionQuery(actor, id), enabled: replayAsked });
  useEffect(() => heading.current?.focus(), [id]);
  // The server keeps each check and replay in the record's timeline: show it once it is there.
  const queryClient = useQueryClient();
  useEffect(() => {
    if (verify.dataUpdatedAt || replay.dataUpdatedAt) void queryClient.invalidateQueries({ queryKey: recordAuditQuery(actor, id).queryKey });
  }, [verify.dataUpdatedAt, replay.dataUpdatedAt, queryClient, actor, id]);

  return (
    <section className="decision-detail" aria-labelledby="decision-detail-heading">
      <h3 id="decision-detail-heading" ref={heading} tabIndex={-1}>
        {t({ sv: `Beslut nr ${id}`, en: `Decision no. ${id}` })}
      </h3>
      <button type="button" onClick={onClose}>
        {t({ sv: 'Tillbaka till listan', en: 'Back to the list' })}
      </button>
      {trail.isPending ? <p role="status">{t({ sv: 'Hämtar beslutet…', en: 'Loading the decision…' })}</p> : null}
      {trail.isError ? <p role="alert">{t(apiErrorText(trail.error))}</p> : null}
      {trail.data ? (
        <>
          {trail.data.failedVerification ? (
            <p className="verify verify--failed" role="alert" data-testid="record-failed-verification">
              {t({
                sv: `Beslutet underkändes i den senaste kontrollen (${swedishTime(trail.data.failedVerification.at, 'sv')}): det stämmer inte med registrets signerade logg. Uppgifterna nedan kan vara ändrade efter att beslutet sparades.`,
                en: `This decision failed the latest verification (${swedishTime(trail.data.failedVerification.at, 'en')}): it does not match the register's signed log. What is shown below may have been changed after it was saved.`,
              })}
            </p>
          ) : null}
          {(() => {
            const { verdicts, recommendedRoute, chosenRoute, acknowledgedVerdict } = trail.data.record;
            const deviation = deviationOf(verdicts, recommendedRoute, chosenRoute);
            return deviation ? (
              <p className="deviation-flag" data-testid="record-deviation" data-deviation={deviation}>
                {t(deviationFlags[deviation])}
                {acknowledgedVerdict ? t({ sv: ' (bekräftat vid beslutet)', en: ' (acknowledged when deciding)' }) : null}
              </p>
            ) : null;
          })()}
          <dl className="decision-summary">
            <div>
              <dt>{t({ sv: 'Organisation', en: 'Organisation' })}</dt>
              <dd>{organisationName(trail.data.record.answers.organisation)}</dd>
            </div>
            <div>
              <dt>{t({ sv: 'Beslutsdatum', en: 'Decision date' })}</dt>
              <dd>{trail.data.record.answers.decisionDate}</dd>
            </div>
            <div>
              <dt>{t({ sv: 'Vald väg', en: 'Chosen route' })}</dt>
              <dd>{t(routeName(trail.data.record.chosenRoute))}</dd>
            </div>
            <div>
              <dt>{t({ sv: 'Rekommenderad väg', en: 'Recommended route' })}</dt>
              <dd>{trail.data.record.recommendedRoute ? t(routeName(trail.data.record.recommendedRoute)) : '–'}</dd>
            </div>
            <div>
              <dt>{t({ sv: 'Motivering', en: 'Justification' })}</dt>
              <dd>{trail.data.record.justification}</dd>
            </div>
            {trail.data.record.deviationReason ? (
              <div>
                <dt>{t({ sv: 'Skäl att avvika', en: 'Reason for deviating' })}</dt>
                <dd>{trail.data.record.deviationReason}</dd>
              </div>
            ) : null}
            {trail.data.record.decidedBy ? (
              <div>
                <dt>{t({ sv: 'Beslutat av', en: 'Decided by' })}</dt>
                <dd>{decidedByText(trail.data.record.decidedBy)}</dd>
              </div>
            ) : null}
            {trail.data.record.diarienummer ? (
              <div>
                <dt>{t({ sv: 'Diarienummer', en: 'Diarienummer' })}</dt>
                <dd>{trail.data.record.diarienummer}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t({ sv: 'Värde', en: 'Value' })}</dt>
              <dd>{trail.data.record.answers.value?.totalSek !== undefined ? formatSek(trail.data.record.answers.value.totalSek, lang) : '–'}</dd>
            </div>
            <div>
              <dt>{t({ sv: 'Regelverk', en: 'Rule set' })}</dt>
              <dd>
                {trail.data.record.rulesetVersion} (<code>{trail.data.record.rulesetHash.slice(0, 12)}</code>)
              </dd>
            </div>
            <div>
              <dt>{t({ sv: 'Sparat av', en: 'Saved by' })}</dt>
              <dd>
                {whoSaved(trail.data.record.savedBy.user, t(roleNames[trail.data.record.savedBy.role]!))}, {swedishTime(trail.data.record.recordedAt, lang)}
              </dd>
            </div>
            <div>
              <dt>{t({ sv: 'Postens kontrollsumma', en: 'Record hash' })}</dt>
              <dd>
                <code>{trail.data.record.hash}</code>
              </dd>
            </div>
            {trail.data.record.receipt ? <ReceiptLine receipt={trail.data.record.receipt} /> : null}
            {trail.data.record.receipt ? <WitnessedRecordLine recordId={trail.data.record.receipt.recordId} /> : null}
          </dl>

          {trail.data.record.unaskedAnswers ? <UnaskedAnswerList answers={trail.data.record.unaskedAnswers} /> : null}
          <div className="decision-actions">
            {actingAs.role !== 'procurer' ? (
              <button type="button" onClick={() => (verifyAsked ? void verify.refetch() : setVerifyAsked(true))}>
                {t({ sv: 'Kontrollera beslutet', en: 'Verify the decision' })}
              </button>
            ) : null}
            <button type="button" onClick={() => setReplayAsked(true)}>
              {t({ sv: 'Pröva mot dagens regelverk', en: "Replay under today's rule set" })}
            </button>
            <RecordPdfButton trail={trail.data} />
          </div>
          <div aria-live="polite">
            {verify.isFetching ? <p>{t({ sv: 'Kontrollerar…', en: 'Verifying…' })}</p> : null}
            {verify.isError ? <p role="alert">{t(apiErrorText(verify.error))}</p> : null}
            {verify.data && !verify.isFetching ? (
              verify.data.ok ? (
                <p className="verify verify--ok">{t({ sv: 'Kontrollen gick igenom: posten är oförändrad, kedjan hel och bedömningarna återskapas.', en: 'Verified: the record is unchanged, the chain intact and the verdicts reproduce.' })}</p>
              ) : (
                <div className="verify verify--failed" role="alert">
                  <p>{t({ sv: 'Kontrollen misslyckades:', en: 'Verification failed:' })}</p>
                  <ul>
                    {verify.data.problems.map((p, i) => (
                      <li key={i}>
                        {asSentence(t(recordProblemTitles[p.kind]))}
                        {lang === 'en' && p.detail ? ` (${p.detail})` : null}
                      </li>
                    ))}
                  </ul>
                </div>
              )
            ) : null}
          </div>
          <div aria-live="polite">
            {replay.isFetching ? <p>{t({ sv: 'Prövar…', en: 'Replaying…' })}</p> : null}
            {replay.isError ? <p role="alert">{t(apiErrorText(replay.error))}</p> : null}
            {replay.data ? <ReplayView replay={replay.data} /> : null}
          </div>
          <RecordAuditView record={trail.data.record} />
          {trail.data.outcome ? (
            <DecisionTrailView answers={trail.data.record.answers} outcome={trail.data.outcome} />
          ) : (
            <p role="alert">{t({ sv: `Spåret kunde inte återskapas: ${trail.data.outcomeProblem ?? ''}`, en: `The trail could not be rebuilt: ${trail.data.outcomeProblem ?? ''}` })}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
