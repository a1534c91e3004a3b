import { VerdictBadge } from '../../../components/verdict-badge';
import { routeIds, type RouteId } from '../../../engine/answers-schema';
import type { Ruleset } from '../../../engine/ruleset';
import type { Verdict } from '../../../engine/ruleset-schema';
import type { ParticipantVerdict } from '../../../shared/workshop-session';
import { useI18n } from '../workshop-i18n';
import { countsAsRight, participantVerdictWords } from './room-answers';

/**
 * A phone's own answer against the key after the reveal, route by route, marked right or not in words as well
 * as ✓ / ✗, by the same rule the projector counts the room with. An answer this phone no longer holds (it was
 * reloaded) gets no mark: the phone cannot tell.
 */
export function OwnAnswers({ routes, verdicts, answerKey }: { routes: Ruleset['routes']; verdicts: Partial<Record<RouteId, ParticipantVerdict>>; answerKey: Partial<Record<RouteId, Verdict>> }) {
  const { t, lang } = useI18n();
  return (
    <ul className="join-page__key">
      {routeIds.map((route) => {
        const answer = verdicts[route];
        const key = answerKey[route];
        const right = answer && key ? countsAsRight(answer, key) : null;
        return (
          <li key={route} data-route={route} data-right={right === null ? undefined : String(right)}>
            <strong>{t(routes[route].name)}</strong>: {t({ sv: 'du svarade ', en: 'you answered ' })}
            {answer ? t(participantVerdictWords[answer]) : t({ sv: 'inget', en: 'nothing' })}; {t({ sv: 'facit ', en: 'key ' })}
            {key ? <VerdictBadge verdict={key} lang={lang} /> : null}
            {right === null ? null : (
              <span className={`join-page__mark ${right ? 'is-right' : 'is-wrong'}`}>
                <span aria-hidden="true">{right ? '✓ ' : '✗ '}</span>
                {right ? t({ sv: 'Rätt enligt facit', en: 'Right by the key' }) : t({ sv: 'Inte enligt facit', en: 'Not what the key says' })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
