import { useState, type FormEvent } from 'react';
import { FormField } from '../../components/form-field';
import { useI18n } from '../../i18n/i18n';

/**
 * Where an auditor pastes or uploads the checkpoint from last year's audit (or a decision's
 * receipt) to ask whether the register since is an append-only extension of it.
 */
export function AgainstForm({ onCheck, busy }: { onCheck: (text: string) => void; busy: boolean }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t({ sv: 'Klistra in en kontrollpunkt eller ett kvitto, eller välj en fil.', en: 'Paste a checkpoint or a receipt, or choose a file.' }));
      return;
    }
    setError(null);
    onCheck(text);
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 64 * 1024) {
      setError(t({ sv: 'Filen är för stor: en kontrollpunkt eller ett kvitto är några kilobyte.', en: 'The file is too large: a checkpoint or receipt is a few kilobytes.' }));
      return;
    }
    setText(await file.text());
    setError(null);
  };

  return (
    <form className="against-form" onSubmit={submit} noValidate>
      <h4>{t({ sv: 'Pröva mot en tidigare kontrollpunkt', en: 'Check against an earlier checkpoint' })}</h4>
      <FormField
        label={t({ sv: 'Kontrollpunkt eller kvitto från en tidigare revision', en: 'Checkpoint or receipt from an earlier audit' })}
        help={t({ sv: 'En kontrollpunkt är texten som slutar med en rad som börjar med —; ett kvitto är JSON från beslutets sida.', en: 'A checkpoint is the text ending in a line that starts with —; a receipt is the JSON from the decision’s page.' })}
        error={error ?? undefined}
      >
        {(slot) => <textarea id={slot.id} rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={slot.invalid || undefined} aria-describedby={slot.describedBy} spellCheck={false} />}
      </FormField>
      <FormField label={t({ sv: 'eller välj en fil', en: 'or choose a file' })}>
        {(slot) => <input id={slot.id} type="file" accept=".txt,.json,text/plain,application/json" aria-describedby={slot.describedBy} onChange={(e) => void readFile(e.target.files?.[0])} />}
      </FormField>
      <button type="submit" disabled={busy}>
        {t({ sv: 'Pröva registret mot den', en: 'Check the register against it' })}
      </button>
    </form>
  );
}
