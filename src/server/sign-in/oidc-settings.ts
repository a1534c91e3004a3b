import { z } from 'zod';
import { organisationIdSchema, roles } from '../../shared/decision-record';
import { isLoopbackHost } from '../security/identity-trust';

/** An address Vägval or the provider is reached at: HTTPS, or plain HTTP on this computer only (a test, a trial). */
const siteUrl = z.url({ error: 'must be a URL' }).refine((text) => {
  const url = new URL(text);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}, 'must be https:// (plain http:// only for localhost): a sign-in over plain HTTP on the network can be read and replayed');

/**
 * How the organisation's identity provider's claims become Vägval's users: a user holds every role
 * and organisation of every mapping whose claim matches (Entra ID: the `groups` claim names group
 * object ids, the `roles` claim app roles). One who matches none has no access to the register.
 */
export const claimMappingSchema = z.strictObject({
  claim: z.string().min(1),
  /** The claim's value, or one of its values when the claim is a list (groups). */
  value: z.string().min(1),
  roles: z.array(z.enum(roles)).min(1),
  /** For a procurer: the organisations whose records it may save and read; "*" for every one. */
  organisations: z.array(z.union([z.literal('*'), organisationIdSchema])).default([]),
});
export type ClaimMapping = z.infer<typeof claimMappingSchema>;

/** The access file's `oidc` section: single sign-on with the organisation's OpenID provider. */
export const oidcSettingsSchema = z.strictObject({
  /** The provider's issuer identifier, exactly as its discovery document names it (Entra ID: https://login.microsoftonline.com/<tenant>/v2.0). */
  issuer: siteUrl,
  clientId: z.string().min(1),
  /** A file holding the client secret (not the secret itself: the access file is read by more people). Without it Vägval is a public client and relies on PKCE alone. */
  clientSecretFile: z.string().min(1).optional(),
  /** Where the provider sends the browser back: <Vägval's address>/auth/callback, registered at the provider. */
  redirectUri: siteUrl.refine((text) => new URL(text).pathname === '/auth/callback', 'must end in /auth/callback, where Vägval takes the answer'),
  /** Where the provider sends the browser after signing out there (registered at the provider too); Vägval's own signed-out page by default. */
  postLogoutRedirectUri: siteUrl.optional(),
  scopes: z.array(z.string().min(1)).default(['openid', 'profile', 'email']).refine((s) => s.includes('openid'), 'must include "openid"'),
  /** The claim that names the user in the register's records (Entra ID: preferred_username, the UPN). */
  userClaim: z.string().min(1).default('preferred_username'),
  /** How long a sign-in lasts at Vägval before the user signs in again. */
  sessionHours: z.number().positive().max(24, 'must be at most 24 hours: a session left open on a shared computer is someone else\'s').default(8),
  mappings: z.array(claimMappingSchema).min(1, 'must map at least one claim to a role, or no one could use the register'),
});
export type OidcSettings = z.infer<typeof oidcSettingsSchema>;
