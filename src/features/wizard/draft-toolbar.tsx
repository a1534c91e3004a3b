import { useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { Localized } from '../../engine/ruleset-schema';
import { useDecision, useWizard } from './wizard-provider';

const fileActions = () => import('./draft-file-actions');

/** Save the draft as a file, carry on from one, or start over; the draft is also kept in this browser. */
export function DraftToolbar() {
  const { actor, ruleset } = useWizard();
  const { t } = useI18n();
  const decision = useDecision();
  const id = useId();
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: Localized } | null>(null);
  return (
    <div className="draft-toolbar no-print">
      <p className="draft-toolbar__saved">{t({ sv: 'Utkastet sparas automatiskt i den här webbläsaren.', en: 'The draft is saved in this browser automatically.' })}</p>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={async () => (await fileActions()).exportDraft(ruleset, decision)}
      >
        {t({ sv: 'Exportera utkast', en: 'Export draft' })}
      </button>
      <label htmlFor={`${id}-import`} className="button button--small button--secondary file-button">
        {t({ sv: 'Importera utkast', en: 'Import draft' })}
      </label>
      <input
        id={`${id}-import`}
        className="visually-hidden"
        type="file"
        accept="application/json,.json"
        aria-describedby={message ? `${id}-message` : undefined}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          const [{ parseDecisionFile }, text] = await Promise.all([fileActions(), file.text()]);
          const result = parseDecisionFile(text);
          if (!result.ok) {
            setMessage({ kind: 'error', text: result.error });
            return;
          }
          actor.send({ type: 'RESTORE', draft: result.draft });
          setMessage({
            kind: 'ok',
            text:
              result.rulesetVersion === ruleset.version
                ? { sv: 'Utkastet är inläst.', en: 'The draft is loaded.' }
                : { sv: `Utkastet är inläst. Det gjordes med regelverk ${result.rulesetVersion}; bedömningen visas enligt ${ruleset.version}.`, en: `The draft is loaded. It was made with rule set ${result.rulesetVersion}; it is judged under ${ruleset.version}.` },
          });
        }}
      />
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => {
          if (window.confirm(t({ sv: 'Börja om? Alla svar i utkastet tas bort.', en: 'Start over? All answers in the draft are removed.' }))) {
            actor.send({ type: 'RESET' });
            setMessage(null);
          }
        }}
      >
        {t({ sv: 'Börja om', en: 'Start over' })}
      </button>
      {message ? (
        <p id={`${id}-message`} role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'field__error' : 'notice'}>
          {t(message.text)}
        </p>
      ) : null}
    </div>
  );
}
