import { useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import type { Role } from '../../shared/decision-record';
import { useI18n } from '../../i18n/i18n';
import { writeActingAs } from './api/acting-as';
import { identitiesQuery } from './api/identities';
import { LocalModeNotice } from './local-mode-notice';
import { roleNames } from './labels';
import { useActingAs } from './use-acting-as';

/**
 * Who you act as. In the single-user default you choose among the users in the access file; on a
 * server that signs its users in with the organisation's accounts you sign in and choose among your
 * own roles; on a shared server without sign-in you give your API token (docs/register.md).
 */
export function ActingAsPicker() {
  const { t } = useI18n();
  const id = useId();
  const actingAs = useActingAs();
  const identities = useQuery(identitiesQuery());
  const options = identities.data?.users.flatMap((u) => u.roles.map((role) => ({ user: u.name, role }))) ?? [];

  const signIn = identities.data?.signIn;
  if (signIn) return <SignedIn signedIn={signIn.signedIn} />;

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

type SignedInUser = { user: string; roles: Role[] } | null;

/** Signed in with the organisation's account: who, how, the roles one holds to choose among, and the way out. */
function SignedIn({ signedIn }: { signedIn: SignedInUser }) {
  const { t } = useI18n();
  const id = useId();
  const actingAs = useActingAs();
  if (!signedIn) {
    return (
      <fieldset className="acting-as">
        <legend>{t({ sv: 'Inloggning', en: 'Sign-in' })}</legend>
        <p>{t({ sv: 'Beslutsregistret kräver att du loggar in med organisationens konto.', en: "The decision register needs you to sign in with your organisation's account." })}</p>
        <p>
          <a className="button" href={`/auth/sign-in?to=${encodeURIComponent("/#/register")}`}>
            {t({ sv: 'Logga in', en: 'Sign in' })}
          </a>
        </p>
      </fieldset>
    );
  }
  const role = signedIn.roles.includes(actingAs.role) ? actingAs.role : signedIn.roles[0]!;
  return (
    <SignedInAs user={signedIn.user} roles={signedIn.roles} role={role} actingAs={actingAs} id={id} />
  );
}

function SignedInAs({ user, roles, role, actingAs, id }: { user: string; roles: Role[]; role: Role; actingAs: ReturnType<typeof useActingAs>; id: string }) {
  const { t } = useI18n();
  // The page asks as the signed-in user in a role held, with no API token left over from before that would speak instead.
  useEffect(() => {
    if (actingAs.user !== user || actingAs.role !== role || actingAs.token) writeActingAs({ user, role });
  }, [actingAs, user, role]);
  const signedIn = { user, roles };
  return (
    <fieldset className="acting-as">
      <legend>{t({ sv: 'Du arbetar som', en: 'You act as' })}</legend>
      <p>
        {t({ sv: 'Inloggad som ', en: 'Signed in as ' })}
        <strong>{signedIn.user}</strong>
        {t({ sv: ' med organisationens konto (OpenID Connect).', en: " with your organisation's account (OpenID Connect)." })}
      </p>
      {signedIn.roles.length > 1 ? (
        <div className="field">
          <label htmlFor={`${id}-role`} className="field__label">
            {t({ sv: 'Roll', en: 'Role' })}
          </label>
          <select id={`${id}-role`} value={role} onChange={(e) => writeActingAs({ user: signedIn.user, role: e.target.value as Role })}>
            {signedIn.roles.map((r) => (
              <option key={r} value={r}>
                {t(roleNames[r]!)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p>{t({ sv: `Roll: ${t(roleNames[role]!)}`, en: `Role: ${t(roleNames[role]!)}` })}</p>
      )}
      <form method="post" action="/auth/sign-out">
        <button type="submit" className="button button--secondary">
          {t({ sv: 'Logga ut', en: 'Sign out' })}
        </button>
      </form>
    </fieldset>
  );
}
