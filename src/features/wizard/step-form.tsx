import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { BuyerCombobox } from './buyer-combobox';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { ChoiceField, FormField } from '../../components/form-field';
import { formatValue } from '../../engine/format';
import { coveredDates } from '../../engine/covered-dates';
import { useI18n } from '../../i18n/i18n';
import type { Localized } from '../../engine/ruleset-schema';
import { readPath, type Draft } from '../../guide/draft';
import { fieldLabel } from '../../guide/decision';
import { FieldHelp } from './field-help';
import { fieldKinds, ownFieldTexts, type FieldKind } from '../../guide/field-kinds';
import { amountSchema, errorMessages, formToAnswers, readForm, stepFormSchema, textFieldMessage, toText, type FormValues } from '../../guide/form-schema';
import { paymentBasisOptions, paymentBases, paymentForService, shownPaymentBasis, valueBasisOptions, type PaymentBasis, type ValueBasis } from '../../guide/guide-questions';
import { readAmount, readYears } from '../../guide/swedish-number';
import { stepFields, type QuestionStepId } from '../../guide/steps';
import { valueSum } from '../../guide/value-sum';
import { addedSek, typedSimilarSek } from '../../guide/similar-value';
import { useFieldGuidance } from './use-field-guidance';
import { useDraft, useWizard } from './wizard-provider';

// The CPV derivation (its checks and lists) loads only when the purchase step is shown, to keep the guide's first load small.
const CpvDerivation = lazy(() => import('./cpv-derivation').then((m) => ({ default: m.CpvDerivation })));
import './answers.css';

/** The error key of a CPV code the derivation's check refused; its words are the check's own (cpvProblem). */
const cpvProblemKey = 'cpvProblem';

type WizardFormValues = FormValues & {
  wizard?: { partnershipIntended?: string; hasSimilarPurchases?: string; valueBasis?: string; contractSek?: string; paymentBasis?: string };
};

const basisOf = (values: WizardFormValues): ValueBasis => (values.wizard?.valueBasis === 'total' ? 'total' : 'per-year');
const paymentBasisOf = (values: WizardFormValues): PaymentBasis | undefined => {
  const v = values.wizard?.paymentBasis;
  return (paymentBases as readonly string[]).includes(v ?? '') ? (v as PaymentBasis) : undefined;
};
const certainAmount = (text: string): number | undefined => {
  const r = readAmount(text);
  return r.status === 'ok' && r.value >= 0 ? r.value : undefined;
};

function initialValues(draft: Draft, step: QuestionStepId): WizardFormValues {
  let values: WizardFormValues = {};
  for (const path of stepFields[step]) {
    const kind = fieldKinds[path]!;
    // The register's similar purchases are the check's (similar-purchases.ts); the field holds only those typed.
    const answer = path === 'value.similarPurchasesSek' ? typedSimilarSek(draft) : readPath(draft.answers, path);
    values = writeForm(values, path, toText(kind, answer));
  }
  // The decision is usually made today: the date starts there, and the procurer can change it.
  if (step === 'organisation' && !readForm(values, 'decisionDate')) values = writeForm(values, 'decisionDate', new Date().toISOString().slice(0, 10));
  if (step === 'value') {
    if (!readForm(values, 'contract.years')) values = writeForm(values, 'contract.years', '1');
    const valueBasis = draft.wizard.valueBasis ?? 'per-year';
    values = {
      ...values,
      wizard: { hasSimilarPurchases: toText('boolean', draft.wizard.hasSimilarPurchases), valueBasis, contractSek: toText('sek', draft.wizard.contractSek) },
    };
  }
  if (step === 'supplier') values = { ...values, wizard: { partnershipIntended: draft.wizard.partnershipIntended ? 'yes' : '' } };
  if (step === 'partnership') {
    const fact = readPath(draft.answers, 'partnership.paymentForService') as boolean | undefined;
    values = { ...values, wizard: { paymentBasis: shownPaymentBasis(draft.wizard.paymentBasis, fact) ?? '' } };
  }
  return values;
}

function writeForm(values: WizardFormValues, path: string, text: string): WizardFormValues {
  const [head, leaf] = path.split('.') as [string, string | undefined];
  if (leaf === undefined) return { ...values, [head]: text };
  const section = (values[head] as Record<string, string> | undefined) ?? {};
  return { ...values, [head]: { ...section, [leaf]: text } };
}

function wizardFlags(step: QuestionStepId, values: WizardFormValues): Partial<Draft['wizard']> | undefined {
  if (step === 'supplier') return { partnershipIntended: String(values.wizard?.partnershipIntended) === 'yes' || String(values.wizard?.partnershipIntended) === 'true' };
  if (step === 'value') {
    const v = values.wizard?.hasSimilarPurchases;
    const valueBasis = basisOf(values);
    return {
      hasSimilarPurchases: v === 'yes' ? true : v === 'no' ? false : undefined,
      valueBasis,
      contractSek: valueBasis === 'total' ? certainAmount(values.wizard?.contractSek ?? '') : undefined,
    };
  }
  if (step === 'partnership') return { paymentBasis: paymentBasisOf(values) };
  return undefined;
}

/** The value step's sum from what the form holds now and what was added from the register; undefined while the price is missing or unsure. */
function formValueSum(values: WizardFormValues, registerSimilarSek: number) {
  const years = readYears(readForm(values, 'contract.years'));
  return valueSum({
    basis: basisOf(values),
    annualSek: certainAmount(readForm(values, 'value.annualSek')),
    contractSek: certainAmount(values.wizard?.contractSek ?? ''),
    years: years.status === 'ok' && years.value > 0 ? years.value : undefined,
    optionsSek: certainAmount(readForm(values, 'value.optionsSek')),
    similarPurchasesSek: values.wizard?.hasSimilarPurchases === 'yes' ? certainAmount(readForm(values, 'value.similarPurchasesSek')) : undefined,
    registerSimilarSek,
  });
}

/**
 * The problems of a step's form, by path: the step's zod schema, and on the value step with one sum for the
 * whole term, that sum in place of the value per year.
 */
function formIssues(step: QuestionStepId, fields: readonly string[], values: WizardFormValues, earliest: string, latest: string | null) {
  const total = step === 'value' && basisOf(values) === 'total';
  const result = stepFormSchema(total ? fields.filter((f) => f !== 'value.annualSek') : fields, earliest, latest).safeParse(values);
  const issues = result.success ? [] : result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
  if (total && fields.includes('value.annualSek')) {
    const sum = amountSchema(true).safeParse(values.wizard?.contractSek ?? '');
    if (!sum.success) issues.push({ path: ['wizard', 'contractSek'], message: sum.error.issues[0]?.message ?? 'sekRequired' });
  }
  return issues;
}

/** The answers of the form as the machine takes them, the value helper's total included. */
function answersOf(step: QuestionStepId, values: WizardFormValues, fields: readonly string[], invalid: ReadonlySet<string>, registerSimilarSek: number) {
  const shown = step === 'value' && values.wizard?.hasSimilarPurchases !== 'yes' ? fields.filter((f) => f !== 'value.similarPurchasesSek') : fields;
  const answers: Record<string, unknown> = { ...formToAnswers(values, shown, invalid) };
  if (step === 'value') {
    if (values.wizard?.hasSimilarPurchases !== 'yes') answers['value.similarPurchasesSek'] = undefined;
    if (registerSimilarSek > 0 && !invalid.has('value.similarPurchasesSek')) {
      answers['value.similarPurchasesSek'] = ((answers['value.similarPurchasesSek'] as number | undefined) ?? 0) + registerSimilarSek;
    }
    const priceInvalid = basisOf(values) === 'total' ? invalid.has('wizard.contractSek') : invalid.has('value.annualSek');
    if (!priceInvalid) {
      // With one sum for the whole term, the value per year it implies goes into the answers, so the record adds up.
      const sum = formValueSum(values, registerSimilarSek);
      if (basisOf(values) === 'total') answers['value.annualSek'] = sum?.annualSek;
      answers['value.totalSek'] = sum?.totalSek;
    }
  }
  // How the organisation is paid decides the fact the IOP rules read (guide-questions.ts).
  if (step === 'partnership' && fields.includes('partnership.paymentForService')) answers['partnership.paymentForService'] = paymentForService(paymentBasisOf(values));
  return answers;
}

function errorPaths(errors: FieldErrors, prefix = ''): Set<string> {
  const paths = new Set<string>();
  for (const [key, value] of Object.entries(errors)) {
    if (!value) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && 'message' in value && typeof value.message === 'string') paths.add(path);
    else if (typeof value === 'object') for (const p of errorPaths(value as FieldErrors, path)) paths.add(p);
  }
  return paths;
}

/** Questions that come and go while answering, in words: "2 frågor behövs inte längre". */
function useFieldChangeAnnouncement(fields: readonly string[]): string {
  const { t } = useI18n();
  const [previous, setPrevious] = useState(fields);
  const [announcement, setAnnouncement] = useState('');
  const asked = (list: readonly string[]) => list.filter((f) => f !== 'value.totalSek');
  if (previous !== fields && previous.join('|') !== fields.join('|')) {
    const gone = asked(previous).filter((f) => !fields.includes(f)).length;
    const added = asked(fields).filter((f) => !previous.includes(f)).length;
    const parts: string[] = [];
    if (gone > 0) parts.push(t(gone === 1 ? { sv: '1 fråga behövs inte längre', en: '1 question is no longer needed' } : { sv: `${gone} frågor behövs inte längre`, en: `${gone} questions are no longer needed` }));
    if (added > 0) parts.push(t(added === 1 ? { sv: '1 ny fråga behövs', en: '1 new question is needed' } : { sv: `${added} nya frågor behövs`, en: `${added} new questions are needed` }));
    setPrevious(fields);
    if (parts.length > 0) {
      const kept = gone > 0 ? t({ sv: ' Svaren du redan gett finns kvar i granskningen.', en: ' The answers you already gave are kept in the review.' }) : '';
      setAnnouncement(`${parts.join('; ')}.${kept}`);
    }
  }
  return announcement;
}

/** One question step: a react-hook-form form checked by the step's zod schema, sending each valid answer live. */
export function StepForm({ step }: { step: QuestionStepId }) {
  const { ruleset, actor, visibleFields } = useWizard();
  const { t, lang } = useI18n();
  const draft = useDraft();
  const { from: earliest, to: latest } = useMemo(() => coveredDates(ruleset), [ruleset]);
  const fieldsRef = useRef<readonly string[]>([]);
  const inputIds = useRef<Record<string, string>>({});
  const guidance = useFieldGuidance();
  const fields = visibleFields(step, draft);
  fieldsRef.current = fields;
  // What the register's similar purchases add to the value (similar-purchases.ts), as the machine holds it now.
  const registerSimilar = () => addedSek(actor.getSnapshot().context.draft.wizard.similarCheck);
  const announcement = useFieldChangeAnnouncement(fields);

  // What the CPV check (loaded with the derivation) found wrong with the code: refused at the field like any error.
  const [cpvProblem, setCpvProblem] = useState<Localized | null>(null);
  const cpvProblemRef = useRef<Localized | null>(null);
  cpvProblemRef.current = cpvProblem;
  const issuesOf = (fields: readonly string[], values: WizardFormValues) => {
    const issues = formIssues(step, fields, values, earliest, latest);
    if (cpvProblemRef.current && fields.includes('purchase.cpvCode') && readForm(values, 'purchase.cpvCode').trim() !== '') {
      issues.push({ path: ['purchase', 'cpvCode'], message: cpvProblemKey });
    }
    return issues;
  };
  const issuesRef = useRef(issuesOf);
  issuesRef.current = issuesOf;

  // The schema follows the questions on screen, which change as answers come in.
  const resolver = useMemo<Resolver<WizardFormValues>>(
    () => async (values) => {
      const issues = issuesRef.current(fieldsRef.current, values);
      if (issues.length === 0) return { values, errors: {} };
      let errors: Record<string, unknown> = {};
      for (const issue of issues) {
        const [head, leaf] = issue.path as [string, string | undefined];
        const error = { type: 'validate', message: issue.message };
        if (leaf === undefined) errors = { ...errors, [head]: error };
        else errors = { ...errors, [head]: { ...((errors[head] as object | undefined) ?? {}), [leaf]: error } };
      }
      return { values: {}, errors: errors as FieldErrors<WizardFormValues> };
    },
    // The checks are read through issuesRef, which follows the step, the dates and the CPV check on every render.
    [],
  );

  const form = useForm<WizardFormValues>({ defaultValues: initialValues(draft, step), resolver, mode: 'onTouched' });
  const { register, handleSubmit, watch, formState, setValue } = form;

  // Live: every change that passes its own check reaches the machine at once, so the verdicts follow the typing;
  // a field with an error keeps its last valid answer in the draft.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/incompatible-library -- watch() is subscribed in an effect and unsubscribed; no React Compiler memoises this component.
    const sub = watch((values) => {
      const all = values as WizardFormValues;
      const invalid = new Set(issuesRef.current(fieldsRef.current, all).map((i) => i.path.join('.')));
      actor.send({ type: 'EDIT', values: answersOf(step, all, fieldsRef.current, invalid, addedSek(actor.getSnapshot().context.draft.wizard.similarCheck)), wizard: wizardFlags(step, all) });
    });
    return () => sub.unsubscribe();
  }, [watch, actor, step, earliest, latest]);

  const values = watch();
  // The errors shown (at the fields and in the summary) are those the answers on screen still have: react-hook-form
  // keeps an error of a field until that field is checked again, also once another answer has made it right or
  // taken its question away, and the summary would go on counting it.
  const stillWrong = new Set(issuesOf(fields, values).map((i) => i.path.join('.')));
  const errors = new Set([...errorPaths(formState.errors)].filter((path) => stillWrong.has(path)));
  // An unsure number asks at once, as typed, so that the buttons to answer it follow the field in the tab order.
  const suggestion = (path: string) => {
    const kind = path === 'wizard.contractSek' ? 'sek' : fieldKinds[path];
    return kind && guidance ? guidance.numberSuggestion(kind, readForm(values, path)) : null;
  };
  const message = (path: string): string | undefined => {
    const asked = suggestion(path);
    if (asked) return t(asked.question);
    // A wrong check digit or an unknown division is said as the code is typed, as the command line says it.
    if (path === 'purchase.cpvCode' && cpvProblem && readForm(values, path).trim() !== '') return t(cpvProblem);
    if (!errors.has(path)) return undefined;
    const [head, leaf] = path.split('.') as [string, string | undefined];
    const node = (formState.errors as Record<string, unknown>)[head] as Record<string, { message?: string }> | { message?: string } | undefined;
    const key = (leaf === undefined ? (node as { message?: string })?.message : (node as Record<string, { message?: string }>)?.[leaf]?.message) ?? '';
    const typed = textFieldMessage(key, lang);
    if (typed) return typed;
    const text = errorMessages[key];
    return text ? t(text).replace('{earliest}', earliest).replace('{latest}', latest ?? '') : key;
  };

  const onSubmit = handleSubmit((values) => {
    actor.send({ type: 'NEXT', values: answersOf(step, values, fieldsRef.current, new Set(), registerSimilar()), wizard: wizardFlags(step, values) });
  });

  const yesNo = [
    { value: 'yes', label: t({ sv: 'Ja', en: 'Yes' }) },
    { value: 'no', label: t({ sv: 'Nej', en: 'No' }) },
    { value: '', label: t({ sv: 'Vet inte', en: "Don't know" }) },
  ];

  const choose = (path: string, text: string, inputId: string) => {
    form.setValue(path as never, text as never, { shouldValidate: true, shouldDirty: true });
    document.getElementById(inputId)?.focus();
  };

  const renderField = (path: string) => {
    const kind = path === 'wizard.contractSek' ? 'sek' : fieldKinds[path]!;
    const label = t(path.startsWith('wizard.') ? ownFieldTexts[path]!.label : fieldLabel(ruleset, path));
    const warning = guidance?.numberWarning(path, readForm(values, path));
    const help = <FieldHelp ruleset={ruleset} path={path} notice={warning ? <p className="field__warning">{t(warning)}</p> : undefined} />;
    const error = message(path);
    if (path === 'value.totalSek') return null;
    if (path === 'value.similarPurchasesSek' && values.wizard?.hasSimilarPurchases !== 'yes') return null;
    if (path === 'partnership.paymentForService') return renderPaymentBasis();
    if (path === 'purchase.cpvCode') {
      return [
        renderInput(path, kind, label, help, error),
        <Suspense key="cpv-derivation" fallback={null}>
          <CpvDerivation
            ruleset={ruleset}
            code={readForm(values, path)}
            decisionDate={draft.answers.decisionDate}
            fields={fields}
            formText={(p) => readForm(values, p)}
            onUse={(answers) => {
              for (const a of answers) setValue(a.path as never, a.text as never, { shouldDirty: true });
            }}
            onProblem={setCpvProblem}
          />
        </Suspense>,
      ];
    }
    if (kind === 'boolean') {
      return <ChoiceField key={path} name={path} legend={label} help={help} error={error} options={yesNo} inputProps={register(path as never)} />;
    }
    if (kind === 'enum') {
      const options = (ruleset.facts[path]?.options ?? []).map((o) => ({ value: o.value, label: t(o.label) }));
      return <ChoiceField key={path} name={path} legend={label} help={help} error={error} options={options} inputProps={register(path as never)} />;
    }
    return renderInput(path, kind, label, help, error);
  };

  const renderInput = (path: string, kind: FieldKind, label: string, help: ReactNode, error: string | undefined) => {
    const asked = suggestion(path);
    return (
      <FormField
        key={path}
        label={label}
        help={help}
        error={error}
        errorDetail={
          asked ? (
            <div className="field__suggestion" data-testid={`suggestion-${path}`}>
              {asked.choices.map((choice) => (
                <button
                  key={choice.text}
                  type="button"
                  className="button button--secondary button--small"
                  // Keeps the focus in the field on a click: a blur would show the error summary above and move the button away under the pointer.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(path, choice.text, inputIds.current[path] ?? '')}
                >
                  {t(choice.label)}
                </button>
              ))}
            </div>
          ) : undefined
        }
      >
        {(slot) => {
          inputIds.current[path] = slot.id;
          const common = { id: slot.id, 'aria-describedby': slot.describedBy, 'aria-invalid': slot.invalid || undefined, ...register(path as never) };
          if (kind === 'organisation') {
            const { onBlur } = register(path as never);
            return (
              <BuyerCombobox
                id={slot.id}
                describedBy={slot.describedBy}
                invalid={slot.invalid}
                value={readForm(values, path) ?? ''}
                onChange={(id) => form.setValue(path as never, id as never, { shouldValidate: true, shouldDirty: true, shouldTouch: true })}
                onBlur={() => void onBlur({ target: { name: path, value: readForm(form.getValues(), path) ?? '' }, type: 'blur' })}
              />
            );
          }
          if (kind === 'date') return <input {...common} type="date" min={earliest} />;
          if (kind === 'longtext') return <textarea {...common} rows={3} />;
          const numeric = kind === 'sek' || kind === 'years' || kind === 'percent';
          return (
            <span className={numeric ? `input-unit input-unit--${kind}` : undefined}>
              <input {...common} type="text" inputMode={numeric ? 'decimal' : undefined} autoComplete="off" spellCheck={numeric ? false : undefined} />
              {kind === 'sek' ? <span aria-hidden="true">kr</span> : kind === 'percent' ? <span aria-hidden="true">%</span> : kind === 'years' ? <span aria-hidden="true">{t({ sv: 'år', en: 'years' })}</span> : null}
            </span>
          );
        }}
      </FormField>
    );
  };

  const renderPaymentBasis = () => {
    const note = guidance?.paymentCueNote(draft.answers.purchase?.description, lang);
    const notice = note ? (
      <p className="field__note" data-testid="payment-cue">
        {t(note)}
      </p>
    ) : undefined;
    const options = [...paymentBasisOptions.map((o) => ({ value: o.value, label: t(o.label) })), yesNo[2]!];
    return (
      <ChoiceField
        key="wizard.paymentBasis"
        name="wizard.paymentBasis"
        legend={t(ownFieldTexts['wizard.paymentBasis']!.label)}
        help={<FieldHelp ruleset={ruleset} path="wizard.paymentBasis" sourcePath="partnership.paymentForService" notice={notice} />}
        options={options}
        inputProps={register('wizard.paymentBasis')}
      />
    );
  };

  const sum = step === 'value' ? formValueSum(values, registerSimilar()) : undefined;
  const withSimilar = values.wizard?.hasSimilarPurchases === 'yes';

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="step-form" aria-describedby={errors.size > 0 ? 'form-error-summary' : undefined}>
        {errors.size > 0 ? (
          <p id="form-error-summary" className="form-error-summary" role="alert">
            {t({ sv: `Rätta ${errors.size === 1 ? 'felet' : `de ${errors.size} felen`} nedan för att gå vidare. Inget av det du har svarat har försvunnit.`, en: `Correct the ${errors.size === 1 ? 'error' : `${errors.size} errors`} below to go on. Nothing you have answered has been lost.` })}
          </p>
        ) : null}
        <div role="status" data-testid="questions-changed">
          {announcement ? <p className="notice notice--warning">{announcement}</p> : null}
        </div>
        {step === 'value' ? (
          <>
            <ChoiceField
              name="wizard.valueBasis"
              legend={t(ownFieldTexts['wizard.valueBasis']!.label)}
              help={<FieldHelp ruleset={ruleset} path="wizard.valueBasis" />}
              options={valueBasisOptions.map((o) => ({ value: o.value, label: t(o.label) }))}
              inputProps={register('wizard.valueBasis')}
            />
            {basisOf(values) === 'total' ? renderField('wizard.contractSek') : renderField('value.annualSek')}
            {fields.filter((f) => f !== 'value.annualSek' && f !== 'value.similarPurchasesSek').map(renderField)}
            <ChoiceField
              name="wizard.hasSimilarPurchases"
              legend={t(ownFieldTexts['wizard.hasSimilarPurchases']!.label)}
              help={<FieldHelp ruleset={ruleset} path="wizard.hasSimilarPurchases" />}
              options={yesNo.slice(0, 2)}
              inputProps={register('wizard.hasSimilarPurchases')}
            />
            {fields.includes('value.similarPurchasesSek') ? renderField('value.similarPurchasesSek') : null}
            <div className="value-total" role="group" aria-labelledby="value-total-label">
              <span id="value-total-label">{t(fieldLabel(ruleset, 'value.totalSek'))}</span>{' '}
              <output aria-labelledby="value-total-label" aria-live="polite" data-testid="value-total">
                {sum === undefined ? '–' : formatValue(sum.totalSek, 'sek', lang)}
              </output>
              {sum && guidance ? (
                <ul className="value-sum" data-testid="value-sum">
                  {guidance.valueSumLines(sum, withSimilar).map((line) => (
                    <li key={line.sv}>{t(line)}</li>
                  ))}
                </ul>
              ) : (
                <p className="field__hint">{t({ sv: 'Värde per år × år, eller avtalets värde, + optioner + liknande köp inom 12 månader (LOU 5 kap.).', en: "Value per year × years, or the contract's value, + options + similar purchases within 12 months (LOU 5 kap.)." })}</p>
              )}
              <div className="field__help">
                <FieldHelp ruleset={ruleset} path="value.totalSek" notice={sum && sum.totalSek === 0 && guidance ? <p className="field__warning">{t(guidance.numberWarning('value.totalSek', '0')!)}</p> : undefined} />
              </div>
            </div>
          </>
        ) : (
          fields.filter((f) => f !== 'value.similarPurchasesSek').map(renderField)
        )}
        {step === 'supplier' ? (
          <div className="field field--checkbox">
            <label>
              <input type="checkbox" value="yes" {...register('wizard.partnershipIntended')} />{' '}
              {t({ sv: 'Ett idéburet offentligt partnerskap (IOP) är tänkt', en: 'An idéburet offentligt partnerskap (IOP) is intended' })}
            </label>
          </div>
        ) : null}
        {/* Once the purchase and the supplier are known: the register's similar purchases (loaded on demand). */}
        {step === 'supplier' && guidance ? <guidance.SimilarPurchasesCheck /> : null}
        <div className="step-actions">
          {step !== 'organisation' ? (
            <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'BACK' })}>
              {t({ sv: 'Tillbaka', en: 'Back' })}
            </button>
          ) : null}
          <button type="submit" className="button">
            {t({ sv: 'Nästa', en: 'Next' })}
          </button>
        </div>
      </form>
      {step === 'organisation' && guidance ? <guidance.RoutesGlossary ruleset={ruleset} /> : null}
    </>
  );
}

