import type { RouteId } from '../../../engine/answers-schema';
import type { Localized, Verdict } from '../../../engine/ruleset-schema';
import { useI18n } from '../workshop-i18n';
import { participantVerdicts, type Distribution, type ParticipantVerdict } from '../../../shared/workshop-session';

export const participantVerdictWords: Record<ParticipantVerdict, Localized> = {
  allowed: { sv: 'Tillåten', en: 'Allowed' },
  'not-allowed': { sv: 'Inte tillåten', en: 'Not allowed' },
  'needs-info': { sv: 'Behöver mer information', en: 'Needs more information' },
};

/** The answer key's verdict as a participant could give it: a recommended route is an allowed one. */
export const asParticipantVerdict = (verdict: Verdict): ParticipantVerdict => (verdict === 'recommended' ? 'allowed' : verdict);

/**
 * Whether a participant's answer for a route counts as right against the key. The projector counts the room
 * with it and each phone marks its own answer with it, so the two can never disagree.
 */
export const countsAsRight = (answer: ParticipantVerdict, keyVerdict: Verdict): boolean => answer === asParticipantVerdict(keyVerdict);

/**
 * How the room answered for one route, against the answer key: a bar per choice, the right one marked in
 * words (never by colour alone), and how many got it right.
 */
export function RoomAnswers({ route, distribution, keyVerdict }: { route: RouteId; distribution: Distribution; keyVerdict: Verdict }) {
  const { t } = useI18n();
  const counts = distribution[route];
  const total = participantVerdicts.reduce((sum, v) => sum + counts[v], 0);
  const right = participantVerdicts.filter((v) => countsAsRight(v, keyVerdict)).reduce((sum, v) => sum + counts[v], 0);
  return (
    <div className="room-answers" data-route={route} data-total={total} data-right={right}>
      <p className="room-answers__score">
        {t({ sv: `Rummet: ${right} av ${total} rätt`, en: `The room: ${right} of ${total} right` })}
      </p>
      <ul className="room-answers__bars">
        {participantVerdicts.map((v) => (
          <li key={v} className={`room-answers__bar${countsAsRight(v, keyVerdict) ? ' is-right' : ''}`} data-verdict={v} data-count={counts[v]}>
            <span className="room-answers__label">
              {t(participantVerdictWords[v])}
              {countsAsRight(v, keyVerdict) ? <strong> ({t({ sv: 'facit', en: 'key' })})</strong> : null}
            </span>
            <span className="room-answers__track" aria-hidden="true">
              <span className="room-answers__fill" style={{ width: `${total === 0 ? 0 : Math.round((counts[v] / total) * 100)}%` }} />
            </span>
            <span className="room-answers__count">{counts[v]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
