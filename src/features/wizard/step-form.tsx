import { useEffect, useMemo, useRef } from 'react';
import { BuyerCombobox } from './buyer-combobox';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { ChoiceField, FormField } from '../../components/form-field';
import { formatValue } from '../../engine/format';
import { coveredDates } from '../../engine/covered-dates';
import { useI18n } from '../../i18n/i18n';
import { readPath, type Draft } from '../../guide/draft';
import { fieldLabel } from '../../guide/decision';
import { FieldHelp } from './field-help';
import { fieldKinds } from '../../guide/field-kinds';
import { errorMessages, formToAnswers, parseNumber, readForm, stepFormSchema, toText, totalValue, type FormValues } from '../../guide/form-schema';
import { stepFields, type QuestionStepId } from '../../guide/steps';
import { useDraft, useWizard } from './wizard-provider';

type WizardFormValues = FormValues & { wizard?: { partnershipIntended?: string; hasSimilarPurchases?: string } };

function initialValues(draft: Draft, step: QuestionStepId): WizardFormValues {
  let values: WizardFormValues = {};
  for (const path of stepFields[step]) {
    const kind = fieldKinds[path]!;
    values = writeForm(values, path, toText(kind, readPath(draft.answers, path)));
  }
  // The decision is usually made today: the date starts there, and the procurer can change it.
  if (step === 'organisation' && !readForm(values, 'decisionDate')) values = writeForm(values, 'decisionDate', new Date().toISOString().slice(0, 10));
  if (step === 'value') {
    if (!readForm(values, 'contract.years')) values = writeForm(values, 'contract.years', '1');
    values = { ...values, wizard: { hasSimilarPurchases: toText('boolean', draft.wizard.hasSimilarPurchases) } };
  }
  if (step === 'supplier') values = { ...values, wizard: { partnershipIntended: draft.wizard.partnershipIntended ? 'yes' : '' } };
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
    return { hasSimilarPurchases: v === 'yes' ? true : v === 'no' ? false : undefined };
  }
  return undefined;
}

/** The answers of the form as the machine takes them, the value helper's total included. */
function answersOf(step: QuestionStepId, values: WizardFormValues, fields: readonly string[], invalid: ReadonlySet<string>) {
  const shown = step === 'value' && values.wizard?.hasSimilarPurchases !== 'yes' ? fields.filter((f) => f !== 'value.similarPurchasesSek') : fields;
  const answers: Record<string, unknown> = { ...formToAnswers(values, shown, invalid) };
  if (step === 'value') {
    if (values.wizard?.hasSimilarPurchases !== 'yes') answers['value.similarPurchasesSek'] = undefined;
    if (!invalid.has('value.annualSek')) {
      answers['value.totalSek'] = totalValue({
        annualSek: answers['value.annualSek'] as number | undefined,
        years: answers['contract.years'] as number | undefined,
        optionsSek: answers['value.optionsSek'] as number | undefined,
        similarPurchasesSek: answers['value.similarPurchasesSek'] as number | undefined,
      });
    }
  }
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

/** One question step: a react-hook-form form checked by the step's zod schema, sending each valid answer live. */
export function StepForm({ step }: { step: QuestionStepId }) {
  const { ruleset, actor, visibleFields } = useWizard();
  const { t, lang } = useI18n();
  const draft = useDraft();
  const { from: earliest, to: latest } = useMemo(() => coveredDates(ruleset), [ruleset]);
  const fieldsRef = useRef<readonly string[]>([]);
  const fields = visibleFields(step, draft);
  fieldsRef.current = fields;

  // The schema follows the questions on screen, which change as answers come in.
  const resolver = useMemo<Resolver<WizardFormValues>>(
    () => async (values) => {
      const result = stepFormSchema(fieldsRef.current, earliest, latest).safeParse(values);
      if (result.success) return { values, errors: {} };
      let errors: Record<string, unknown> = {};
      for (const issue of result.error.issues) {
        const path = issue.path.map(String);
        const [head, leaf] = path as [string, string | undefined];
        const error = { type: 'validate', message: issue.message };
        if (leaf === undefined) errors = { ...errors, [head]: error };
        else errors = { ...errors, [head]: { ...((errors[head] as object | undefined) ?? {}), [leaf]: error } };
      }
      return { values: {}, errors: errors as FieldErrors<WizardFormValues> };
    },
    [earliest, latest],
  );

  const form = useForm<WizardFormValues>({ defaultValues: initialValues(draft, step), resolver, mode: 'onTouched' });
  const { register, handleSubmit, watch, formState } = form;

  // Live: every change that passes its own check reaches the machine at once, so the verdicts follow the typing;
  // a field with an error keeps its last valid answer in the draft.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/incompatible-library -- watch() is subscribed in an effect and unsubscribed; no React Compiler memoises this component.
    const sub = watch((values) => {
      const all = values as WizardFormValues;
      const parsed = stepFormSchema(fieldsRef.current, earliest, latest).safeParse(all);
      const invalid = new Set(parsed.success ? [] : parsed.error.issues.map((i) => i.path.map(String).join('.')));
      actor.send({ type: 'EDIT', values: answersOf(step, all, fieldsRef.current, invalid), wizard: wizardFlags(step, all) });
    });
    return () => sub.unsubscribe();
  }, [watch, actor, step, earliest, latest]);

  const errors = errorPaths(formState.errors);
  const message = (path: string): string | undefined => {
    if (!errors.has(path)) return undefined;
    const [head, leaf] = path.split('.') as [string, string | undefined];
    const node = (formState.errors as Record<string, unknown>)[head] as Record<string, { message?: string }> | { message?: string } | undefined;
    const key = (leaf === undefined ? (node as { message?: string })?.message : (node as Record<string, { message?: string }>)?.[leaf]?.message) ?? '';
    const text = errorMessages[key];
    return text ? t(text).replace('{earliest}', earliest).replace('{latest}', latest ?? '') : key;
  };

  const onSubmit = handleSubmit((values) => {
    actor.send({ type: 'NEXT', values: answersOf(step, values, fieldsRef.current, new Set()), wizard: wizardFlags(step, values) });
  });

  const values = watch();
  const yesNo = [
    { value: 'yes', label: t({ sv: 'Ja', en: 'Yes' }) },
    { value: 'no', label: t({ sv: 'Nej', en: 'No' }) },
    { value: '', label: t({ sv: 'Vet inte', en: "Don't know" }) },
  ];

  const renderField = (path: string) => {
    const kind = fieldKinds[path]!;
    const label = t(fieldLabel(ruleset, path));
    const help = <FieldHelp ruleset={ruleset} path={path} />;
    const error = message(path);
    if (path === 'value.totalSek') return null;
    if (path === 'value.similarPurchasesSek' && values.wizard?.hasSimilarPurchases !== 'yes') return null;
    if (kind === 'boolean') {
      return <ChoiceField key={path} name={path} legend={label} help={help} error={error} options={yesNo} inputProps={register(path as never)} />;
    }
    if (kind === 'enum') {
      const options = (ruleset.facts[path]?.options ?? []).map((o) => ({ value: o.value, label: t(o.label) }));
      return <ChoiceField key={path} name={path} legend={label} help={help} error={error} options={options} inputProps={register(path as never)} />;
    }
    return (
      <FormField key={path} label={label} help={help} error={error}>
        {(slot) => {
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

  const annual = parseNumber(readForm(values, 'value.annualSek'));
  const total =
    step === 'value' && annual !== null
      ? totalValue({
          annualSek: annual,
          years: parseNumber(readForm(values, 'contract.years')) ?? 1,
          optionsSek: parseNumber(readForm(values, 'value.optionsSek')) ?? undefined,
          similarPurchasesSek: values.wizard?.hasSimilarPurchases === 'yes' ? (parseNumber(readForm(values, 'value.similarPurchasesSek')) ?? undefined) : undefined,
        })
      : undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="step-form" aria-describedby={errors.size > 0 ? 'form-error-summary' : undefined}>
      {errors.size > 0 ? (
        <p id="form-error-summary" className="form-error-summary" role="alert">
          {t({ sv: `Rätta ${errors.size === 1 ? 'felet' : `de ${errors.size} felen`} nedan för att gå vidare. Inget av det du har svarat har försvunnit.`, en: `Correct the ${errors.size === 1 ? 'error' : `${errors.size} errors`} below to go on. Nothing you have answered has been lost.` })}
        </p>
      ) : null}
      {fields.filter((f) => f !== 'value.similarPurchasesSek').map(renderField)}
      {step === 'value' ? (
        <>
          <ChoiceField
            name="wizard.hasSimilarPurchases"
            legend={t({ sv: 'Har ni köpt, eller ska ni köpa, liknande varor eller tjänster under de föregående eller kommande tolv månaderna?', en: 'Have you bought, or will you buy, similar goods or services in the previous or coming twelve months?' })}
            help={<FieldHelp ruleset={ruleset} path="value.totalSek" />}
            options={yesNo.slice(0, 2)}
            inputProps={register('wizard.hasSimilarPurchases')}
          />
          {fields.includes('value.similarPurchasesSek') ? renderField('value.similarPurchasesSek') : null}
          <div className="value-total">
            <span id="value-total-label">{t(fieldLabel(ruleset, 'value.totalSek'))}</span>{' '}
            <output aria-labelledby="value-total-label" aria-live="polite" data-testid="value-total">
              {total === undefined ? '–' : formatValue(total, 'sek', lang)}
            </output>
            <p className="field__hint">{t({ sv: 'Värde per år × år + optioner + liknande köp inom 12 månader (LOU 5 kap.).', en: 'Value per year × years + options + similar purchases within 12 months (LOU 5 kap.).' })}</p>
          </div>
        </>
      ) : null}
      {step === 'supplier' ? (
        <div className="field field--checkbox">
          <label>
            <input type="checkbox" value="yes" {...register('wizard.partnershipIntended')} />{' '}
            {t({ sv: 'Ett idéburet offentligt partnerskap (IOP) är tänkt', en: 'An idéburet offentligt partnerskap (IOP) is intended' })}
          </label>
        </div>
      ) : null}
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
  );
}

