import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useStartVerifyRun } from './api/verify-runs';
import { AgainstForm } from './against-form';
import { apiErrorText } from './api-error-text';
import { VerifyRunView } from './verify-run-view';
import { WitnessStatusView } from './witness-lines';

/**
 * Verifies the register: every record (full), or only what was added since the last passing
 * run (incremental), optionally against a checkpoint or receipt the auditor kept. The run works
 * on the server off the request path; this view follows its progress and shows what it proved.
 */
export function VerifyAllView({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const start = useStartVerifyRun();
  const [runId, setRunId] = useState<string | null>(null);
  const run = (mode: 'full' | 'incremental', against?: string) =>
    start.mutate(against === undefined ? { mode } : { mode, against }, { onSuccess: (answer) => setRunId(answer.progress.runId) });
  return (
    <section aria-labelledby="verify-all-heading" className="verify-all">
      <h3 id="verify-all-heading">{t({ sv: 'Kontrollera hela registret', en: 'Verify the whole register' })}</h3>
      <p>
        {t({
          sv: 'Varje beslut är ett löv i ett Merkleträd vars rot signeras i kontrollpunkter med en nyckel som inte finns i databasen. Kontrollen visar att posterna är oförändrade, att de finns i den signerade loggen och att loggen bara har växt.',
          en: 'Each decision is a leaf of a Merkle tree whose root is signed in checkpoints with a key kept outside the database. Verification shows the records are unchanged, that they are in the signed log and that the log has only grown.',
        })}
      </p>
      <WitnessStatusView />
      <div className="decision-actions">
        <button type="button" disabled={start.isPending} onClick={() => run('full')}>
          {t({ sv: 'Kontrollera alla beslut', en: 'Verify all decisions' })}
        </button>
        <button type="button" disabled={start.isPending} onClick={() => run('incremental')}>
          {t({ sv: 'Kontrollera det som tillkommit sedan förra kontrollen', en: 'Verify what was added since the last verification' })}
        </button>
      </div>
      <AgainstForm busy={start.isPending} onCheck={(text) => run('full', text)} />
      <div aria-live="polite">
        {start.isError ? <p role="alert">{t(apiErrorText(start.error))}</p> : null}
        {runId ? <VerifyRunView key={runId} runId={runId} onOpen={onOpen} /> : null}
      </div>
    </section>
  );
}
