import { useI18n } from '../workshop-i18n';
import type { OpenedSession, PublicSessionState } from '../../../shared/workshop-session';
import { sessionApi } from './session-client';

/** On the projector: how to join from a phone – the QR code, the address and the code – and how many have answered. */
export function JoinPanel({ session, state }: { session: OpenedSession; state: PublicSessionState | null }) {
  const { t } = useI18n();
  const url = session.joinUrls[0];
  return (
    <div className="join-panel" data-code={session.code}>
      {url ? <img className="join-panel__qr" src={sessionApi.qrUrl(session.code)} alt={t({ sv: `QR-kod till ${url}`, en: `QR code for ${url}` })} /> : null}
      <div className="join-panel__text">
        <p className="join-panel__lead">{t({ sv: 'Svara från mobilen', en: 'Answer from your phone' })}</p>
        {url ? (
          <p className="join-panel__url">
            {t({ sv: 'Skanna koden eller gå till ', en: 'Scan the code or go to ' })}
            <span className="join-panel__address">{url.replace(/\/#\/join\/.*$/, '/#/join')}</span>
          </p>
        ) : (
          <p className="join-panel__warning notice notice--warning">
            {t({
              sv: 'Servern lyssnar bara på den här datorn, så mobiler når den inte. Starta den med npm run workshop (se docs/workshop.md).',
              en: 'The server listens on this computer only, so phones cannot reach it. Start it with npm run workshop (see docs/workshop.md).',
            })}
          </p>
        )}
        <p className="join-panel__code">
          {t({ sv: 'Kod: ', en: 'Code: ' })}
          <strong data-testid="session-code">{session.code}</strong>
        </p>
        <p className="join-panel__count" role="status">
          {state
            ? t({
                sv: `${state.answered} av ${state.participants} har svarat`,
                en: `${state.answered} of ${state.participants} have answered`,
              })
            : t({ sv: 'Ansluter…', en: 'Connecting…' })}
        </p>
      </div>
    </div>
  );
}
