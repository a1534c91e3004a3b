import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { Role } from '../../shared/decision-record';
import { useI18n } from '../../i18n/i18n';
import { writeActingAs } from './api/acting-as';
import { identitiesQuery } from './api/identities';
import { LocalModeNotice } from './local-mode-notice';
import { roleNames } from './labels';
import { useActingAs } from './use-acting-as';

/**
 * Who you act as. There is no login: in the single-user default you choose among the users in
 * the access file; on a shared server you give your API token (docs/register.md).
 */
export function ActingAsPicker() {
  const { t } = useI18n();
  const id = useId();
  const actingAs = useActingAs();
  const identities = useQuery(identitiesQuery());
  const options = identities.data?.users.flatMap((u) => u.roles.map((role) => ({ user: u.name, role }))) ?? [];

  return (
    <fieldset className="acting-as">
      <legend>{t({ sv: 'Du arbetar som', en: 'You act as' })}</legend>
      <LocalModeNotice />
      {identities.data?.headerIdentity === false ? (
        <div className="field">
          <label htmlFor={`${id}-token`} className="field__label">
            {t({ sv: 'API-nyckel', en: 'API token' })}
          </label>
          <input id={`${id}-token`} type="password" autoComplete="off" value={actingAs.token ?? ''} onChange={(e) => writeActingAs({ ...actingAs, token: e.target.value || undefined })} />
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-who`} className="field__label">
            {t({ sv: 'Användare och roll', en: 'User and role' })}
          </label>
          <select
            id={`${id}-who`}
            value={`${actingAs.user}|${actingAs.role}`}
            onChange={(e) => {
              const [user, role] = e.target.value.split('|') as [string, Role];
              writeActingAs({ user, role });
            }}
          >
            {options.length === 0 ? <option value={`${actingAs.user}|${actingAs.role}`}>{`${actingAs.user} (${t(roleNames[actingAs.role]!)})`}</option> : null}
            {options.map((o) => (
              <option key={`${o.user}|${o.role}`} value={`${o.user}|${o.role}`}>
                {`${o.user} (${t(roleNames[o.role]!)})`}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
