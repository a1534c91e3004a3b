import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/i18n';
import { swedishTime } from '../../shared/swedish-time';
import type { WitnessStatus } from '../../shared/witness-status';
import { witnessesQuery } from './api/witnesses';

type Lang = 'sv' | 'en';

const witnessedText = (w: WitnessStatus, lang: Lang) =>
  lang === 'sv'
    ? `Bevittnat av ${w.name} t.o.m. nr ${w.size}, ${swedishTime(w.cosignedAt ?? '', lang)}`
    : `Witnessed by ${w.name} up to no. ${w.size}, ${swedishTime(w.cosignedAt ?? '', lang)}`;

/**
 * The Kontroll page's witnesses: who cosigned the register's log up to which record and when,
 * with the cosigned checkpoint to copy, and plainly when a witness refused a checkpoint or has
 * not cosigned within its limit while decisions were saved.
 */
export function WitnessStatusView() {
  const { t, lang } = useI18n();
  const query = useQuery(witnessesQuery());
  const witnesses = query.data?.witnesses ?? [];
  if (witnesses.length === 0) return null;
  return (
    <section aria-labelledby="witnesses-heading" className="witnesses">
      <h4 id="witnesses-heading">{t({ sv: 'Vittnen', en: 'Witnesses' })}</h4>
      <ul>
        {witnesses.map((w) => (
          <li key={w.verifierKey}>
            {w.size !== null ? <p>{witnessedText(w, lang)}</p> : <p>{t({ sv: `${w.name} har ännu inte bevittnat registret.`, en: `${w.name} has not witnessed the register yet.` })}</p>}
            {w.stale ? (
              <p className="verify verify--failed">
                {t({
                  sv: `Senaste kontrasignaturen är äldre än ${w.maxAgeHours} timmar och beslut har sparats sedan dess: de är inte bevittnade.`,
                  en: `The latest cosignature is older than ${w.maxAgeHours} hours and decisions were saved since: they are not witnessed.`,
                })}
              </p>
            ) : null}
            {w.refused ? (
              <p className="verify verify--failed" role="alert">
                {t({ sv: `${w.name} vägrade kontrollpunkten för ${w.refused.size} beslut: ${w.refused.reason.sv}`, en: `${w.name} refused the checkpoint for ${w.refused.size} records: ${w.refused.reason.en}` })}
              </p>
            ) : null}
            {w.cosigned ? (
              <details>
                <summary>{t({ sv: 'Den kontrasignerade kontrollpunkten', en: 'The cosigned checkpoint' })}</summary>
                <pre className="checkpoint-note">{w.cosigned}</pre>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On a receipt: the witnesses that have cosigned a tree holding this record. */
export function WitnessedRecordLine({ recordId }: { recordId: number }) {
  const { lang } = useI18n();
  const query = useQuery(witnessesQuery());
  const holding = (query.data?.witnesses ?? []).filter((w) => w.size !== null && w.size >= recordId);
  if (holding.length === 0) return null;
  return (
    <>
      {holding.map((w) => (
        <span key={w.verifierKey} className="receipt-witness">
          <br />
          {witnessedText(w, lang)}
        </span>
      ))}
    </>
  );
}
