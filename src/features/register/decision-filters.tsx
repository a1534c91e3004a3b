import { useId, useState, type FormEvent } from 'react';
import { routeIds, supplierKinds } from '../../engine/answers-schema';
import type { Localized } from '../../engine/ruleset-schema';
import { useI18n } from '../../i18n/i18n';
import type { ListFilter } from '../../shared/decision-record';
import { suggestionText } from '../../guide/number-suggestion';
import { readAmount } from '../../guide/swedish-number';
import { routeName, supplierKindNames } from './labels';
import { OrganisationOptions } from './organisation-options';

type Draft = Record<'organisation' | 'route' | 'supplierKind' | 'from' | 'to' | 'minValue' | 'maxValue', string>;
const empty: Draft = { organisation: '', route: '', supplierKind: '', from: '', to: '', minValue: '', maxValue: '' };

/** Checks the filter before it is sent: each problem in Swedish (or English) at its field. */
export function checkFilter(draft: Draft): { filter: Partial<ListFilter>; problems: Partial<Record<keyof Draft, Localized>> } {
  const problems: Partial<Record<keyof Draft, Localized>> = {};
  const number = (key: 'minValue' | 'maxValue') => {
    const r = readAmount(draft[key]);
    if (r.status === 'empty') return undefined;
    if (r.status === 'unsure') {
      problems[key] = suggestionText('sek', draft[key])!;
      return undefined;
    }
    if (r.status !== 'ok' || r.value < 0) {
      problems[key] = { sv: 'Skriv ett belopp i kronor, till exempel 500 000 eller 1,5 mkr.', en: 'Write an amount in kronor, for example 500 000 or 1,5 mkr.' };
      return undefined;
    }
    return r.value;
  };
  const minValue = number('minValue');
  const maxValue = number('maxValue');
  if (minValue !== undefined && maxValue !== undefined && !problems.minValue && !problems.maxValue && minValue > maxValue) {
    problems.maxValue = { sv: 'Högsta värde får inte vara lägre än lägsta värde.', en: 'The highest value must not be below the lowest.' };
  }
  if (draft.from && draft.to && draft.from > draft.to) problems.to = { sv: 'Till datum får inte vara före från datum.', en: 'The to date must not be before the from date.' };
  const filter: Partial<ListFilter> = {
    ...(draft.organisation ? { organisation: draft.organisation as ListFilter['organisation'] } : {}),
    ...(draft.route ? { route: draft.route as ListFilter['route'] } : {}),
    ...(draft.supplierKind ? { supplierKind: draft.supplierKind as ListFilter['supplierKind'] } : {}),
    ...(draft.from ? { from: draft.from } : {}),
    ...(draft.to ? { to: draft.to } : {}),
    ...(minValue !== undefined ? { minValue } : {}),
    ...(maxValue !== undefined ? { maxValue } : {}),
  };
  return { filter, problems };
}

export function DecisionFilters({ onApply }: { onApply: (filter: Partial<ListFilter>) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(empty);
  const [problems, setProblems] = useState<Partial<Record<keyof Draft, Localized>>>({});
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkFilter(draft);
    setProblems(checked.problems);
    if (Object.keys(checked.problems).length === 0) onApply(checked.filter);
  };

  const field = (key: keyof Draft, label: Localized, input: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => React.ReactNode) => (
    <div className={`field${problems[key] ? ' field--invalid' : ''}`}>
      <label htmlFor={`${id}-${key}`} className="field__label">
        {t(label)}
      </label>
      {input({ id: `${id}-${key}`, ...(problems[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${key}-error` } : {}) })}
      {problems[key] ? (
        <p id={`${id}-${key}-error`} className="field__error">
          {t(problems[key])}
        </p>
      ) : null}
    </div>
  );

  return (
    <form className="register-filters" onSubmit={submit} aria-label={t({ sv: 'Filtrera beslut', en: 'Filter decisions' })} noValidate>
      {field('organisation', { sv: 'Organisation', en: 'Organisation' }, (p) => (
        <select {...p} value={draft.organisation} onChange={set('organisation')}>
          <option value="">{t({ sv: 'Alla', en: 'All' })}</option>
          <OrganisationOptions />
        </select>
      ))}
      {field('route', { sv: 'Vald väg', en: 'Chosen route' }, (p) => (
        <select {...p} value={draft.route} onChange={set('route')}>
          <option value="">{t({ sv: 'Alla', en: 'All' })}</option>
          {routeIds.map((r) => (
            <option key={r} value={r}>
              {t(routeName(r))}
            </option>
          ))}
        </select>
      ))}
      {field('supplierKind', { sv: 'Leverantörstyp', en: 'Supplier kind' }, (p) => (
        <select {...p} value={draft.supplierKind} onChange={set('supplierKind')}>
          <option value="">{t({ sv: 'Alla', en: 'All' })}</option>
          {[...supplierKinds, 'unknown'].map((k) => (
            <option key={k} value={k}>
              {t(supplierKindNames[k]!)}
            </option>
          ))}
        </select>
      ))}
      {field('from', { sv: 'Beslutsdatum från', en: 'Decision date from' }, (p) => <input {...p} type="date" value={draft.from} onChange={set('from')} />)}
      {field('to', { sv: 'Beslutsdatum till', en: 'Decision date to' }, (p) => <input {...p} type="date" value={draft.to} onChange={set('to')} />)}
      {field('minValue', { sv: 'Lägsta värde (kr)', en: 'Lowest value (SEK)' }, (p) => <input {...p} type="text" inputMode="numeric" value={draft.minValue} onChange={set('minValue')} />)}
      {field('maxValue', { sv: 'Högsta värde (kr)', en: 'Highest value (SEK)' }, (p) => <input {...p} type="text" inputMode="numeric" value={draft.maxValue} onChange={set('maxValue')} />)}
      <button type="submit">{t({ sv: 'Filtrera', en: 'Filter' })}</button>
    </form>
  );
}
