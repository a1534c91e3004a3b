import { useId, type ReactNode } from 'react';

export type FieldSlot = { id: string; describedBy: string | undefined; invalid: boolean };

type FormFieldProps = {
  label: string;
  help?: ReactNode;
  error?: string | undefined;
  /** Shown right under the error, e.g. the buttons that answer "Menade du 225 000 kr?". */
  errorDetail?: ReactNode;
  /** The control, given the ids that tie it to its label, help and error. */
  children: (slot: FieldSlot) => ReactNode;
};

/** A labelled control with its help and its error right below it, tied together for screen readers. */
export function FormField({ label, help, error, errorDetail, children }: FormFieldProps) {
  const { id, errorId, helpId, describedBy } = useFieldIds(error, help);
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      <ErrorAndHelp error={error} errorId={errorId} errorDetail={errorDetail} help={help} helpId={helpId} />
    </div>
  );
}

type ChoiceFieldProps = {
  legend: string;
  help?: ReactNode;
  error?: string | undefined;
  options: Array<{ value: string; label: string }>;
  /** Props for each radio input, e.g. react-hook-form's `register(name)`. */
  inputProps: Record<string, unknown>;
  name: string;
};

/** A group of radio buttons in a fieldset: keyboard users move between the options with the arrow keys. */
export function ChoiceField({ legend, help, error, options, inputProps, name }: ChoiceFieldProps) {
  const { errorId, helpId, describedBy } = useFieldIds(error, help);
  return (
    <fieldset className={`field field--choice${error ? ' field--invalid' : ''}`} aria-describedby={describedBy}>
      <legend className="field__label">{legend}</legend>
      <div className="choice">
        {options.map((option) => (
          <label key={option.value} className="choice__option">
            <input type="radio" value={option.value} {...inputProps} name={name} aria-invalid={error ? true : undefined} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <ErrorAndHelp error={error} errorId={errorId} help={help} helpId={helpId} />
    </fieldset>
  );
}

/** The ids that tie a field to its error and help text, and the aria-describedby that names them (error first). */
function useFieldIds(error: string | undefined, help: ReactNode) {
  const id = useId();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, helpId, errorId, describedBy: [errorId, helpId].filter(Boolean).join(' ') || undefined };
}

function ErrorAndHelp({ error, errorId, errorDetail, help, helpId }: { error: string | undefined; errorId: string | undefined; errorDetail?: ReactNode; help: ReactNode; helpId: string | undefined }) {
  return (
    <>
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      {error ? errorDetail : null}
      {help ? (
        <div id={helpId} className="field__help">
          {help}
        </div>
      ) : null}
    </>
  );
}
