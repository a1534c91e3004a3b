import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { verifyAllQuery } from './api/verify-all';
import { apiErrorText } from './api-error-text';
import { problemNames } from './decision-detail';
import { actorKey, useActingAs } from './use-acting-as';

/** Walks the whole register: every hash, every link of the chain, every verdict re-evaluated. */
export function VerifyAllView({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const actor = actorKey(useActingAs());
  const [asked, setAsked] = useState(false);
  const verify = useQuery({ ...verifyAllQuery(actor), enabled: asked });
  return (
    <section aria-labelledby="verify-all-heading">
      <h3 id="verify-all-heading">{t({ sv: 'Kontrollera hela registret', en: 'Verify the whole register' })}</h3>
      <button type="button" onClick={() => (asked ? void verify.refetch() : setAsked(true))}>
        {t({ sv: 'Kontrollera alla beslut', en: 'Verify all decisions' })}
      </button>
      <div aria-live="polite">
        {verify.isFetching ? <p>{t({ sv: 'Kontrollerar…', en: 'Verifying…' })}</p> : null}
        {verify.isError ? <p role="alert">{t(apiErrorText(verify.error))}</p> : null}
        {verify.data && !verify.isFetching ? (
          verify.data.ok ? (
            <p className="verify verify--ok">
              {t({ sv: `Alla ${verify.data.checked} beslut är oförändrade och kedjan är hel.`, en: `All ${verify.data.checked} decisions are unchanged and the chain is intact.` })}{' '}
              {t({ sv: 'Kedjans sista kontrollsumma: ', en: "The chain's last hash: " })}
              <code>{verify.data.headHash}</code>
            </p>
          ) : (
            <div className="verify verify--failed" role="alert">
              <p>{t({ sv: `${verify.data.failures.length} av ${verify.data.checked} beslut klarar inte kontrollen:`, en: `${verify.data.failures.length} of ${verify.data.checked} decisions fail verification:` })}</p>
              <ul>
                {verify.data.failures.map((f) => (
                  <li key={f.id}>
                    <button type="button" className="link-button" onClick={() => onOpen(f.id)}>
                      {t({ sv: `Beslut nr ${f.id}`, en: `Decision no. ${f.id}` })}
                    </button>
                    : {f.problems.map((p) => t(problemNames[p.kind])).join('; ')}
                  </li>
                ))}
              </ul>
            </div>
          )
        ) : null}
      </div>
    </section>
  );
}
