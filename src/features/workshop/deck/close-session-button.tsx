import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../workshop-i18n';

/**
 * The trainer's button that ends the phones' session, in two steps: closing deletes every answer in the room
 * and cannot be undone, so one press says how many answers go and asks again, beside the button rather than in
 * a browser dialog that would cover the trainer's window. Escape or "Avbryt" takes the trainer back, with the
 * focus where it was.
 */
export function CloseSessionButton({ answered, onClose }: { answered: number | null; onClose: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  // Only once the question has been asked and put away, not when the window opens.
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      opener.current?.focus();
    }
  }, [asking]);

  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    cancel();
  };

  const deleted =
    answered === null
      ? t({ sv: 'Alla svar i sessionen raderas', en: 'Every answer in the session is deleted' })
      : answered === 0
        ? t({ sv: 'Inga svar har kommit in än', en: 'No answers have come in yet' })
        : t({ sv: `${answered} svar raderas`, en: `${answered} answer${answered === 1 ? '' : 's'} will be deleted` });

  return (
    <>
      <button
        ref={opener}
        type="button"
        className="button button--secondary"
        aria-expanded={asking}
        aria-controls={asking ? `${id}-confirm` : undefined}
        onClick={() => setAsking(true)}
      >
        {t({ sv: 'Avsluta sessionen och radera svaren', en: 'Close the session and delete the answers' })}
      </button>
      {asking ? (
        <div id={`${id}-confirm`} className="close-session-confirm notice notice--warning" role="group" aria-labelledby={`${id}-question`} onKeyDown={onKeyDown}>
          <p id={`${id}-question`} data-testid="close-session-question">
            {deleted}
            {t({
              sv: ' och mobilerna kopplas bort. Det går inte att ångra.',
              en: ' and the phones are disconnected. This cannot be undone.',
            })}
          </p>
          <div className="trainer-now__actions">
            <button ref={confirm} type="button" className="button" onClick={onClose}>
              {t({ sv: 'Ja, avsluta och radera svaren', en: 'Yes, close and delete the answers' })}
            </button>
            <button type="button" className="button button--secondary" onClick={cancel}>
              {t({ sv: 'Avbryt', en: 'Cancel' })}
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
