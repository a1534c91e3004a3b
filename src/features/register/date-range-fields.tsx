import { useI18n } from '../../i18n/i18n';

/**
 * The decision-date range of a register form, with the error at the "to" field when it lies before "from":
 * one piece for the statistics, the exception reports and the report pages.
 */
export function DateRangeFields({ id, from, to, problem, onFrom, onTo }: { id: string; from: string; to: string; problem: boolean; onFrom: (v: string) => void; onTo: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-from`} className="field__label">{t({ sv: 'Beslutsdatum från', en: 'Decision date from' })}</label>
        <input id={`${id}-from`} type="date" value={from} onChange={(e) => onFrom(e.target.value)} />
      </div>
      <div className={`field${problem ? ' field--invalid' : ''}`}>
        <label htmlFor={`${id}-to`} className="field__label">{t({ sv: 'Beslutsdatum till', en: 'Decision date to' })}</label>
        <input id={`${id}-to`} type="date" value={to} aria-invalid={problem || undefined} aria-describedby={problem ? `${id}-to-error` : undefined} onChange={(e) => onTo(e.target.value)} />
        {problem ? <p id={`${id}-to-error`} className="field__error">{t({ sv: 'Till datum får inte vara före från datum.', en: 'The to date must not be before the from date.' })}</p> : null}
      </div>
    </>
  );
}
