import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { CitedQuote } from '../../../components/cited-quote';
import { citeSource } from '../../../engine/evaluate';
import { buyerName } from '../../../engine/buyers';
import { formatValue } from '../../../engine/format';
import type { Localized } from '../../../engine/ruleset-schema';
import { incompleteWords, matchWords, notAddedReasonWords, similarPurchaseSources, uncheckedWords } from '../../../guide/similar-purchase-words';
import { addedSek, checkedFrom, choose, isDecided, sameLookup, similarCheckEdit, similarLookup, uncheckedFrom, type FoundPurchase } from '../../../guide/similar-purchases';
import { useI18n } from '../../../i18n/i18n';
import type { SimilarResponse } from '../../../shared/audit-report';
import { notAddedReasons, type SimilarCheck, type SimilarChoice, type SimilarFound, type SimilarLookup, type UncheckedReason } from '../../../shared/similar-check';
import type { SimilarPurchaseLookup } from '../../register';
import { useDraft, useWizard } from '../wizard-provider';
import './similar-purchases.css';

export type SimilarPurchasesPanelProps = {
  register: SimilarPurchaseLookup;
  /** Show "take a position" at each undecided purchase as an error (the save was refused for it). */
  showErrors?: boolean | undefined;
};

/** Waits until typing pauses before asking the register, and asks again only when the question changes. */
function useSettledLookup(lookup: SimilarLookup | null, ms = 400): SimilarLookup | null {
  const [settled, setSettled] = useState(lookup);
  useEffect(() => {
    if (sameLookup(lookup, settled)) return;
    const timer = setTimeout(() => setSettled(lookup), ms);
    return () => clearTimeout(timer);
  }, [lookup, settled, ms]);
  return settled;
}

const foundOf = (data: SimilarResponse): FoundPurchase[] =>
  data.items.map(({ row, match, ownValueSek }) => ({
    id: row.id,
    decisionDate: row.decisionDate,
    description: row.description,
    supplier: [row.supplierName, row.supplierOrgNumber].filter(Boolean).join(', ') || null,
    valueSek: ownValueSek === undefined ? row.totalSek : ownValueSek,
    route: row.chosenRoute,
    match,
  }));

/** The same purchases with the same values: a repeated answer changes nothing in the draft. */
const sameFound = (check: SimilarCheck | undefined, lookup: SimilarLookup, found: FoundPurchase[]) =>
  check?.status === 'checked' &&
  sameLookup(check.lookup, lookup) &&
  check.found.length === found.length &&
  check.found.every((f, i) => f.id === found[i]!.id && f.valueSek === found[i]!.valueSek);

function failureOf(error: unknown, register: SimilarPurchaseLookup): { reason: UncheckedReason; detail: string } {
  if (error instanceof register.RegisterApiError) {
    const detail = `${error.status ? `${error.status}: ` : ''}${error.body.message}`;
    if (error.status === 0) return { reason: 'offline', detail };
    if (error.status === 401 || error.status === 403) return { reason: 'forbidden', detail };
    if (error.status === 404) return { reason: 'no-register', detail };
    return { reason: 'server-error', detail };
  }
  return { reason: 'server-error', detail: error instanceof Error ? error.message : String(error) };
}

/**
 * The register's direct awards by the same organisation, to the same supplier or in the same CPV group, in the twelve
 * months before and after the decision date (LOU 5 kap.), with the choice to add each to the estimated value or say
 * why not. What the procurer decides goes into the draft (and from there the document and the record); with no
 * register to ask, it says so plainly and the document records that it could not be checked.
 */
export function SimilarPurchasesPanel({ register, showErrors }: SimilarPurchasesPanelProps) {
  const { actor, ruleset } = useWizard();
  const draft = useDraft();
  const { t, lang } = useI18n();
  const id = useId();
  const acting = register.useActingAs();
  const wanted = similarLookup(draft.answers);
  const savedAs = (draft.wizard.savedAs ?? []).join(',');
  const lookup = useSettledLookup(wanted);
  const query = useQuery({ ...register.similarPurchasesQuery(register.actorKey(acting), lookup ?? { organisation: '', decisionDate: '' }), enabled: lookup !== null });
  // The draft as the machine holds it now (not as last rendered), so that quick choices never undo each other.
  const latest = () => actor.getSnapshot().context.draft;

  // The register's answer (or its failure) becomes the draft's check, keeping the choices already made.
  useEffect(() => {
    if (!lookup) return;
    const current = actor.getSnapshot().context.draft;
    if (query.isSuccess) {
      // This decision, once saved, is in the register too: it is not a purchase similar to itself.
      const own = new Set(current.wizard.savedAs ?? []);
      const found = foundOf(query.data).filter((f) => !own.has(f.id));
      if (sameFound(current.wizard.similarCheck, lookup, found)) return;
      actor.send({ type: 'EDIT', ...similarCheckEdit(current, checkedFrom(current.wizard.similarCheck, lookup, query.data.window, found, new Date())) });
    } else if (query.isError) {
      const { reason, detail } = failureOf(query.error, register);
      const old = current.wizard.similarCheck;
      if (old?.status === 'unchecked' && sameLookup(old.lookup, lookup) && old.reason === reason && old.detail === detail) return;
      actor.send({ type: 'EDIT', ...similarCheckEdit(current, uncheckedFrom(lookup, reason, detail, new Date())) });
    }
  }, [lookup, query.isSuccess, query.isError, query.data, query.error, actor, register, savedAs]);

  const check = draft.wizard.similarCheck;
  const current = check && lookup && sameLookup(check.lookup, lookup) ? check : undefined;
  const organisation = draft.answers.organisation ? buyerName(ruleset, draft.answers.organisation, lang) : '';
  const sek = (n: number) => formatValue(n, 'sek', lang);
  const set = (purchase: number, choice: SimilarChoice | undefined) => {
    const now = latest();
    const c = now.wizard.similarCheck;
    if (c?.status !== 'checked') return;
    actor.send({ type: 'EDIT', ...similarCheckEdit(now, choose(c, purchase, choice)) });
  };

  const heading = (
    <h3 id={`${id}-heading`} className="similar__heading">
      {t({ sv: 'Liknande köp i beslutsregistret', en: 'Similar purchases in the decision register' })}
    </h3>
  );
  const why = (
    <details className="similar__why">
      <summary>{t({ sv: 'Varför räknas liknande köp in?', en: 'Why are similar purchases counted?' })}</summary>
      <p>
        {t({
          sv: 'Värdet av en direktupphandling beräknas enligt LOU 5 kap. (19 a kap. 1 §): liknande kontrakt som köpts de föregående tolv månaderna eller ska köpas de kommande tolv räknas ihop, så att ett köp inte delas upp för att hamna under en gräns.',
          en: 'The value of a direct award is estimated under LOU 5 kap. (19 a kap. 1 §): similar contracts bought in the previous twelve months or to be bought in the coming twelve are added together, so that a purchase is not split to stay under a limit.',
        })}
      </p>
      {similarPurchaseSources.map((ref) => {
        const source = citeSource(ruleset, ref);
        return source ? <CitedQuote key={`${ref.document}#${ref.excerpt}`} source={source} /> : null;
      })}
    </details>
  );

  let body: ReactNode;
  if (!wanted) {
    body = (
      <p className="field__hint">
        {/* Only what is still missing: with the CPV code given, only the supplier is asked for. */}
        {t({ sv: 'Vägval söker i beslutsregistret efter liknande köp så snart det går, men ', en: 'Vägval looks for similar purchases in the decision register as soon as it can, but ' })}
        <span data-testid="similar-missing">{t(incompleteWords(draft.answers))}</span>.
      </p>
    );
  } else if (!current || query.isFetching) {
    body = <p>{t({ sv: 'Söker efter liknande köp i beslutsregistret…', en: 'Looking for similar purchases in the decision register…' })}</p>;
  } else if (current.status === 'unchecked') {
    body = <Unchecked check={current} organisation={organisation} acting={acting} register={register} onRetry={() => void query.refetch()} />;
  } else if (current.found.length === 0) {
    body = (
      <p data-testid="similar-none">
        {t({
          sv: `Inga liknande direktupphandlingar hittades: ${organisation} har inga sparade direktupphandlingar till samma leverantör eller i samma CPV-grupp ${current.window.from} – ${current.window.to}.`,
          en: `No similar direct awards were found: ${organisation} has no saved direct awards to the same supplier or in the same CPV group ${current.window.from} – ${current.window.to}.`,
        })}
      </p>
    );
  } else {
    const added = addedSek(current);
    const open = current.found.filter((f) => !isDecided(f)).length;
    const addable = current.found.filter((f) => !f.choice?.add && f.valueSek !== null);
    body = (
      <>
        <p>
          {t({
            sv: `${organisation} har ${current.found.length === 1 ? 'en sparad direktupphandling' : `${current.found.length} sparade direktupphandlingar`} ${current.window.from} – ${current.window.to} som kan vara samma köp. Lägg till värdet av dem som gäller samma behov, och ange för de andra varför de inte räknas in.`,
            en: `${organisation} has ${current.found.length === 1 ? 'one saved direct award' : `${current.found.length} saved direct awards`} ${current.window.from} – ${current.window.to} that may be the same purchase. Add the value of those that meet the same need, and say for the others why they are not counted.`,
          })}
        </p>
        {addable.length > 1 ? (
          <button type="button" className="button button--secondary button--small" onClick={() => {
            const now = latest();
            let c = now.wizard.similarCheck;
            for (const f of addable) if (c?.status === 'checked') c = choose(c, f.id, { add: true });
            if (c) actor.send({ type: 'EDIT', ...similarCheckEdit(now, c) });
          }}>
            {t({ sv: `Lägg till alla (${addable.length} köp)`, en: `Add all (${addable.length} purchases)` })}
          </button>
        ) : null}
        <ul className="similar__list">
          {current.found.map((f) => (
            <FoundItem key={f.id} found={f} idPrefix={`${id}-${f.id}`} showError={showErrors === true && !isDecided(f)} onChoose={(choice) => set(f.id, choice)} />
          ))}
        </ul>
        <p className="similar__summary" aria-live="polite" data-testid="similar-summary">
          {added > 0
            ? t({ sv: `Tillagt i det uppskattade värdet: ${sek(added)}.`, en: `Added to the estimated value: ${sek(added)}.` })
            : t({ sv: 'Inget är tillagt i det uppskattade värdet.', en: 'Nothing is added to the estimated value.' })}
          {draft.answers.value?.totalSek !== undefined ? ` ${t({ sv: `Uppskattat värde: ${sek(draft.answers.value.totalSek)}.`, en: `Estimated value: ${sek(draft.answers.value.totalSek)}.` })}` : ''}
          {open > 0 ? ` ${t({ sv: `Ta ställning till ${open === 1 ? 'ett köp' : `${open} köp`} till innan beslutet sparas.`, en: `Decide on ${open === 1 ? 'one more purchase' : `${open} more purchases`} before the decision is saved.` })}` : ''}
        </p>
      </>
    );
  }

  return (
    <section className="similar" aria-labelledby={`${id}-heading`} data-testid="similar-purchases" data-status={current?.status ?? (wanted ? 'checking' : 'waiting')}>
      {heading}
      <div role="status">{body}</div>
      {why}
    </section>
  );
}

function Unchecked({ check, organisation, acting, register, onRetry }: { check: SimilarCheck & { status: 'unchecked' }; organisation: string; acting: { user: string; role: string }; register: SimilarPurchaseLookup; onRetry: () => void }) {
  const { t } = useI18n();
  const role = register.roleNames[acting.role];
  const reason: Localized =
    check.reason === 'forbidden' && role
      ? { sv: `du arbetar som ${acting.user} (${role.sv}), och den rollen får inte läsa ${organisation}s beslut i registret`, en: `you act as ${acting.user} (${role.en}), and that role may not read ${organisation}'s decisions in the register` }
      : uncheckedWords[check.reason];
  return (
    <div className="notice notice--warning" data-testid="similar-unchecked" data-reason={check.reason}>
      <p>
        <strong>{t({ sv: 'Vägval kunde inte kontrollera liknande köp:', en: 'Vägval could not check for similar purchases:' })}</strong> {t(reason)}.
      </p>
      <p>
        {t({
          sv: 'Beslutsunderlaget antecknar att liknande köp inte kunde kontrolleras. Räkna själv in liknande köp de föregående och kommande tolv månaderna i värdet (steget Värde).',
          en: 'The decision document records that similar purchases could not be checked. Count similar purchases in the previous and coming twelve months in the value yourself (the Value step).',
        })}
      </p>
      <button type="button" className="button button--secondary button--small" onClick={onRetry}>
        {t({ sv: 'Försök igen', en: 'Try again' })}
      </button>
    </div>
  );
}

type ChoiceValue = 'add' | (typeof notAddedReasons)[number];

function FoundItem({ found, idPrefix, showError, onChoose }: { found: SimilarFound; idPrefix: string; showError: boolean; onChoose: (choice: SimilarChoice | undefined) => void }) {
  const { t, lang } = useI18n();
  const { ruleset } = useWizard();
  const value = found.valueSek === null ? t({ sv: 'värde ej angivet', en: 'value not given' }) : formatValue(found.valueSek, 'sek', lang);
  const chosen: ChoiceValue | '' = found.choice ? (found.choice.add ? 'add' : found.choice.reason) : '';
  const [note, setNote] = useState(found.choice && !found.choice.add ? (found.choice.note ?? '') : '');
  const noteMissing = chosen === 'other' && !note.trim();
  const errorId = `${idPrefix}-error`;
  const pick = (v: ChoiceValue) => onChoose(v === 'add' ? { add: true } : v === 'other' ? { add: false, reason: v, ...(note.trim() ? { note } : {}) } : { add: false, reason: v });
  const options: Array<{ value: ChoiceValue; label: Localized; disabled?: boolean }> = [
    { value: 'add', label: { sv: `Lägg till ${value} i det uppskattade värdet`, en: `Add ${value} to the estimated value` }, disabled: found.valueSek === null },
    ...notAddedReasons.map((r) => ({ value: r, label: { sv: `Lägg inte till: ${notAddedReasonWords[r].sv}`, en: `Do not add: ${notAddedReasonWords[r].en}` } })),
  ];
  return (
    <li className="similar__item" data-testid={`similar-${found.id}`}>
      <fieldset className={`field similar__choice${showError ? ' field--invalid' : ''}`} aria-describedby={showError ? errorId : undefined}>
        <legend className="field__label">
          {t({ sv: `Nr ${found.id}, ${found.decisionDate}`, en: `No. ${found.id}, ${found.decisionDate}` })}
          {found.description ? `: ${found.description}` : ''}
        </legend>
        <dl className="similar__facts">
          <div>
            <dt>{t({ sv: 'Leverantör', en: 'Supplier' })}</dt>
            <dd>{found.supplier ?? t({ sv: 'ej angiven', en: 'not given' })}</dd>
          </div>
          <div>
            <dt>{t({ sv: 'Värde', en: 'Value' })}</dt>
            <dd>{value}</dd>
          </div>
          <div>
            <dt>{t({ sv: 'Väg', en: 'Route' })}</dt>
            <dd>{t(ruleset.routes[found.route].name)}</dd>
          </div>
          <div>
            <dt>{t({ sv: 'Hittat på', en: 'Found by' })}</dt>
            <dd>{found.match.map((m) => t(matchWords[m])).join(', ')}</dd>
          </div>
        </dl>
        <p className="similar__link">
          <a href={`#/register/beslut/${found.id}`}>{t({ sv: `Öppna beslut nr ${found.id} i registret`, en: `Open decision no. ${found.id} in the register` })}</a>
        </p>
        <div className="similar__options">
          {options.map((o) => (
            <label key={o.value} className="choice__option">
              <input type="radio" name={`${idPrefix}-choice`} value={o.value} checked={chosen === o.value} disabled={o.disabled} onChange={() => pick(o.value)} /> {t(o.label)}
            </label>
          ))}
        </div>
        {chosen === 'other' ? (
          <div className={`field${showError && noteMissing ? ' field--invalid' : ''}`}>
            <label htmlFor={`${idPrefix}-note`} className="field__label">
              {t({ sv: 'Skäl att inte räkna in köpet', en: 'Reason for not counting the purchase' })}
            </label>
            <input
              id={`${idPrefix}-note`}
              type="text"
              value={note}
              maxLength={1000}
              aria-invalid={showError && noteMissing ? true : undefined}
              aria-describedby={showError && noteMissing ? errorId : undefined}
              onChange={(e) => setNote(e.target.value)}
              onBlur={() => onChoose({ add: false, reason: 'other', ...(note.trim() ? { note } : {}) })}
            />
          </div>
        ) : null}
        {showError ? (
          <p id={errorId} className="field__error">
            {noteMissing
              ? t({ sv: 'Skriv skälet att inte räkna in köpet.', en: 'Write the reason for not counting the purchase.' })
              : t({ sv: 'Ta ställning: lägg till värdet, eller ange varför köpet inte räknas in.', en: 'Decide: add the value, or say why the purchase is not counted.' })}
          </p>
        ) : null}
      </fieldset>
    </li>
  );
}
