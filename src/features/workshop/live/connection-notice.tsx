import { useEffect, useState } from 'react';
import { useI18n } from '../workshop-i18n';
import { phoneInterrupted, phoneResumed, presenterInterrupted, presenterResumed } from './connection-words';
import type { LiveSession } from './use-live-session';

/** How long the projector shows that the session is back; the trainer's window keeps it until dismissed. */
const projectorShowsMs = 60_000;

/**
 * Says plainly on the presenter's screens when the session's stream broke and when and how it came back (the
 * server restarted, the computer slept, the network), and whether any answer was lost.
 */
export function PresenterConnectionNotice({ live, where }: { live: LiveSession; where: 'projector' | 'trainer' }) {
  const { t } = useI18n();
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [expired, setExpired] = useState<number | null>(null);
  const resumed = live.resumed ?? null;
  useEffect(() => {
    if (where !== 'projector' || !resumed) return;
    const timer = setTimeout(() => setExpired(resumed.to), Math.max(0, resumed.to + projectorShowsMs - Date.now()));
    return () => clearTimeout(timer);
  }, [where, resumed]);

  if (live.interruptedSince) {
    return (
      <p role="alert" className={`notice notice--warning connection-notice connection-notice--${where}`} data-testid="connection-interrupted">
        {t(presenterInterrupted(live.interruptedSince))}
      </p>
    );
  }
  if (!resumed || dismissed === resumed.to) return null;
  if (where === 'projector' && expired === resumed.to) return null;
  const lost = resumed.answeredNow < resumed.answeredBefore;
  return (
    <div role="status" className={`notice ${lost ? 'notice--warning' : ''} connection-notice connection-notice--${where}`} data-testid="connection-resumed" data-cause={resumed.cause}>
      <p>{t(presenterResumed(resumed))}</p>
      {where === 'trainer' ? (
        <button type="button" className="button button--secondary button--small" onClick={() => setDismissed(resumed.to)}>
          {t({ sv: 'Uppfattat', en: 'Understood' })}
        </button>
      ) : null}
    </div>
  );
}

/** The same, in a phone's words: the trainer's computer is away, or it is back and the session carries on. */
export function PhoneConnectionNotice({ live }: { live: LiveSession }) {
  const { t } = useI18n();
  if (live.interruptedSince) {
    return (
      <p role="alert" className="notice notice--warning" data-testid="connection-interrupted">
        {t(phoneInterrupted)}
      </p>
    );
  }
  if (!live.resumed) return null;
  return (
    <p role="status" className="notice" data-testid="connection-resumed">
      {t(phoneResumed(live.resumed))}
    </p>
  );
}
