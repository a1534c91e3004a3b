import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/i18n';
import { identitiesQuery } from './api/identities';

/**
 * In header-identity mode (the single-user default) the server believes whatever user and role
 * the page sends, so the page says so wherever it acts on that identity.
 * Nothing is shown until the server has said which mode it runs in, and nothing in token mode.
 */
export function LocalModeNotice({ className }: { className?: string }) {
  const { t } = useI18n();
  const identities = useQuery(identitiesQuery());
  if (identities.data?.headerIdentity !== true) return null;
  return (
    <p className={`local-mode-notice${className ? ` ${className}` : ''}`}>
      <strong>{t({ sv: 'Lokalt läge: identiteten är inte kontrollerad.', en: 'Local mode: identity is not verified.' })}</strong>{' '}
      {t({
        sv: 'Servern litar på den användare och roll som väljs här. På en server som andra når ska API-nycklar användas.',
        en: 'The server trusts the user and role chosen here. A server that others can reach must use API tokens.',
      })}
    </p>
  );
}
