// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { routeIds, type RouteId } from '../../../engine/answers-schema';
import type { Verdict } from '../../../engine/ruleset-schema';
import { I18nProvider } from '../../../i18n/i18n';
import { browserRuleset } from '../../../rules-data/browser-ruleset';
import { participantVerdicts, type Distribution, type ParticipantVerdict } from '../../../shared/workshop-session';
import { OwnAnswers } from './own-answers';
import { RoomAnswers } from './room-answers';

afterEach(cleanup);

const key: Record<RouteId, Verdict> = { 'direct-award': 'not-allowed', 'social-considerations': 'allowed', 'reserved-contract': 'recommended', iop: 'needs-info' };
const routeName = (route: RouteId) => browserRuleset.routes[route].name.sv;
const item = (route: RouteId) => screen.getByText(routeName(route)).closest('li')!;

describe('a phone’s own answer against the key', () => {
  it('marks each route right or not in words, a recommended route counting as allowed', () => {
    render(
      <I18nProvider lang="sv">
        <OwnAnswers
          routes={browserRuleset.routes}
          verdicts={{ 'direct-award': 'allowed', 'social-considerations': 'allowed', 'reserved-contract': 'allowed', iop: 'not-allowed' }}
          answerKey={key}
        />
      </I18nProvider>,
    );
    expect(item('direct-award')).toHaveTextContent('✗ Inte enligt facit');
    expect(item('social-considerations')).toHaveTextContent('✓ Rätt enligt facit');
    expect(item('reserved-contract')).toHaveTextContent('✓ Rätt enligt facit');
    expect(item('iop')).toHaveTextContent('✗ Inte enligt facit');
  });

  it('gives no mark for an answer the phone no longer holds', () => {
    render(
      <I18nProvider lang="sv">
        <OwnAnswers routes={browserRuleset.routes} verdicts={{}} answerKey={key} />
      </I18nProvider>,
    );
    expect(item('iop')).toHaveTextContent('du svarade inget');
    expect(item('iop')).not.toHaveTextContent(/enligt facit/);
  });

  it('agrees with the projector’s count for every answer and every key', () => {
    const keyVerdicts: Verdict[] = ['recommended', 'allowed', 'not-allowed', 'needs-info'];
    for (const keyVerdict of keyVerdicts) {
      for (const answer of participantVerdicts) {
        const route: RouteId = 'reserved-contract';
        // A room of one: the projector counts it right exactly when the phone marks it right.
        const distribution = Object.fromEntries(
          routeIds.map((r) => [r, Object.fromEntries(participantVerdicts.map((v) => [v, r === route && v === answer ? 1 : 0]))]),
        ) as Distribution;
        const { container, unmount } = render(
          <I18nProvider lang="sv">
            <OwnAnswers routes={browserRuleset.routes} verdicts={{ [route]: answer as ParticipantVerdict }} answerKey={{ ...key, [route]: keyVerdict }} />
            <RoomAnswers route={route} distribution={distribution} keyVerdict={keyVerdict} />
          </I18nProvider>,
        );
        const projector = container.querySelector('.room-answers')!.getAttribute('data-right');
        const phone = container.querySelector(`.join-page__key li[data-route="${route}"]`)!.getAttribute('data-right');
        expect({ keyVerdict, answer, phone }).toEqual({ keyVerdict, answer, phone: projector === '1' ? 'true' : 'false' });
        unmount();
      }
    }
  });
});
