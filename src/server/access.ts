import { readFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { organisationIdSchema } from '../shared/decision-record';
import { roles, type Identity, type Role } from '../shared/decision-record';
import { oidcSettingsSchema } from './sign-in/oidc-settings';

/**
 * Who may do what, configured in a JSON file (config/access.json, or VAGVAL_ACCESS_FILE) rather
 * than in code. A user is known by an API token (the file keeps only its SHA-256, for machines and
 * scripts), by a sign-in with the organisation's OpenID provider where `oidc` is set (sign-in/), or,
 * where `headerIdentity` is on (the embedded single-user default), by the X-Vagval-User /
 * X-Vagval-Role headers taken at their word. A file cannot ask for both sign-in and header identity.
 */
export const accessConfigSchema = z.strictObject({
  $comment: z.string().optional(),
  headerIdentity: z.boolean(),
  /**
   * The socket addresses of a proxy that signs users in and sets the identity headers itself. Only
   * there are the headers believed on a server that listens on the network (security/identity-trust.ts).
   */
  trustedProxies: z.array(z.union([z.ipv4(), z.ipv6()], { error: 'must be an IP address, the proxy\'s address as the server sees it' })).optional(),
  users: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"'),
        roles: z.array(z.enum(roles)).min(1),
        /** For a procurer: the organisations whose records it may save and read; "*" for every one. */
        organisations: z.array(z.union([z.literal('*'), organisationIdSchema])).default([]),
        tokenSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the token in lower-case hex').optional(),
      }),
    )
    .default([]),
  oidc: oidcSettingsSchema.optional(),
}).superRefine((config, ctx) => {
  // Headers name whoever the sender claims to be; a server that signs its users in must not also take that word.
  if (config.oidc && config.headerIdentity) {
    ctx.addIssue({ code: 'custom', path: ['headerIdentity'], message: 'must be false when oidc is set: a server that signs its users in does not also believe identity headers' });
  }
  if (!config.oidc && config.users.length === 0) ctx.addIssue({ code: 'custom', path: ['users'], message: 'must name at least one user (or set oidc)' });
});
export type AccessConfig = z.infer<typeof accessConfigSchema>;

/** Used when no access file is given: one person at one computer, acting in any role. */
export const defaultAccessConfig: AccessConfig = {
  headerIdentity: true,
  users: [
    { name: 'upphandlare', roles: ['procurer'], organisations: ['*'] },
    { name: 'revisor', roles: ['auditor'], organisations: [] },
    { name: 'admin', roles: ['admin'], organisations: [] },
  ],
};

export function loadAccessConfig(file: string | undefined): AccessConfig {
  if (!file) return defaultAccessConfig;
  const text = readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`The access file ${file} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = accessConfigSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`The access file ${file} is not valid:\n${lines.join('\n')}`);
  }
  return result.data;
}

export type IdentifyResult = { ok: true; identity: Identity } | { ok: false; status: 401 | 403; reason: string; user: string | null; role: string | null };

/**
 * `headersTrusted` says whether this request's identity headers may be believed at all (see
 * security/identity-trust.ts); where they may not, they are ignored and `untrustedReason` is the
 * refusal, so that a phone on the room's Wi-Fi cannot act as admin by naming itself so.
 */
export function identify(
  config: AccessConfig,
  headers: { authorization?: string | undefined; user?: string | undefined; role?: string | undefined },
  trust: { headersTrusted: boolean; untrustedReason: string } = { headersTrusted: config.headerIdentity, untrustedReason: 'no API token' },
): IdentifyResult {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const wantedRole = headers.role;
  let user: AccessConfig['users'][number] | undefined;
  if (bearer) {
    const digest = bytesToHex(sha256(utf8ToBytes(bearer)));
    user = config.users.find((u) => u.tokenSha256 === digest);
    if (!user) return { ok: false, status: 401, reason: 'unknown API token', user: null, role: wantedRole ?? null };
  } else if (config.headerIdentity && trust.headersTrusted && headers.user) {
    user = config.users.find((u) => u.name === headers.user);
    if (!user) return { ok: false, status: 401, reason: `unknown user "${headers.user}"`, user: headers.user, role: wantedRole ?? null };
  } else {
    const reason = !config.headerIdentity ? 'no API token' : !trust.headersTrusted ? trust.untrustedReason : 'no X-Vagval-User header or API token';
    // Whom untrusted headers claimed to be goes into the access log: that is what the refusal is about.
    const claimed = config.headerIdentity && !trust.headersTrusted ? (headers.user ?? null) : null;
    return { ok: false, status: 401, reason, user: claimed, role: wantedRole ?? null };
  }
  const role = (wantedRole ?? user.roles[0]) as Role;
  if (!user.roles.includes(role)) {
    return { ok: false, status: 403, reason: `user "${user.name}" does not have the role "${wantedRole}"`, user: user.name, role: wantedRole ?? null };
  }
  return { ok: true, identity: { user: user.name, role, organisations: user.organisations } };
}

/** What each role may do. Procurers are further limited to their own organisations. */
export const permissions = {
  save: ['procurer', 'admin'],
  read: ['procurer', 'auditor', 'admin'],
  verify: ['auditor', 'admin'],
  stats: ['procurer', 'auditor', 'admin'],
  accessLog: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof permissions;

/** The organisations a caller may see, or undefined for all of them. */
export function visibleOrganisations(identity: Identity): string[] | undefined {
  if (identity.role !== 'procurer' || identity.organisations.includes('*')) return undefined;
  return identity.organisations;
}
