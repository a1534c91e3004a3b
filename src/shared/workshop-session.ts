import { z } from 'zod/mini';
import type { RouteId } from '../engine/answers-schema';

/**
 * The contract between the workshop's projector, the trainer's window and the participants' phones
 * (`/api/workshop/sessions/…`, src/server/workshop-sessions/). A session lives in the server's memory
 * only: no names, no accounts, nothing written to disk.
 */

/** What a participant may answer per route; the answer key's "recommended" counts as "allowed". */
export const participantVerdicts = ['allowed', 'not-allowed', 'needs-info'] as const;
export type ParticipantVerdict = (typeof participantVerdicts)[number];

export const maxParticipants = 200;
export const maxWhyChars = 280;
/** Seats one phone (one network address) may take in a session: a reload or a second tab, not a room of its own. */
export const maxSeatsPerClient = 4;
/** Answers one seat may send in a session: changing one's mind many times, not flooding the count. */
export const maxAnswersPerSeat = 40;
/**
 * A code is eight characters from an alphabet without look-alikes (0/O, 1/I/L), read aloud or typed on a phone:
 * 31^8 ≈ 8.5·10^11 codes, so with 50 sessions open and wrong guesses throttled per client (session-routes.ts)
 * a guesser in the room finds one about once in ten million years.
 */
export const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const codeLength = 8;
export const codePattern = new RegExp(`^[${codeAlphabet}]{${codeLength}}$`);

const token = z.string().check(z.regex(/^[A-Za-z0-9_-]{20,64}$/, 'är inte en giltig nyckel'));
const scenarioTitle = z.strictObject({ sv: z.string().check(z.minLength(1), z.maxLength(200)), en: z.string().check(z.minLength(1), z.maxLength(200)) });

export const openSessionRequestSchema = z.strictObject({
  scenarioId: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'måste vara ett scenario-id'), z.maxLength(100)),
  title: scenarioTitle,
});
export type OpenSessionRequest = z.infer<typeof openSessionRequestSchema>;

export const trainerRequestSchema = z.strictObject({ trainerToken: token });
export const joinRequestSchema = z.strictObject({});

const verdict = z.enum(participantVerdicts, { error: 'välj tillåten, inte tillåten eller behöver mer information' });

export const answerRequestSchema = z.strictObject({
  participantToken: token,
  verdicts: z.strictObject(
    { 'direct-award': verdict, 'social-considerations': verdict, 'reserved-contract': verdict, iop: verdict } satisfies Record<RouteId, typeof verdict>,
    { error: 'svara för var och en av de fyra vägarna' },
  ),
  why: z
    .string({ error: 'skriv varför i en mening' }).check(z.trim(), z.minLength(1, 'skriv varför i en mening'), z.maxLength(maxWhyChars, `får vara högst ${maxWhyChars} tecken – en mening räcker`)),
});
export type AnswerRequest = z.infer<typeof answerRequestSchema>;

export type OpenedSession = {
  code: string;
  trainerToken: string;
  /** Addresses a phone on the same network can open (empty when the server listens on this computer only). */
  joinUrls: string[];
};

export type Distribution = Record<RouteId, Record<ParticipantVerdict, number>>;

/** What everyone may see: counts until the reveal, the distribution and the reasons after it. */
export type PublicSessionState = {
  code: string;
  scenarioId: string;
  title: { sv: string; en: string };
  phase: 'open' | 'revealed';
  participants: number;
  answered: number;
  maxParticipants: number;
  /** Only after the reveal. */
  distribution: Distribution | null;
  whys: string[] | null;
};

export type JoinedSession = { participantToken: string; state: PublicSessionState };

/** The server's refusal, in Swedish, with the field it is about. */
export type SessionProblem = { error: string; message: string; problems?: Array<{ field: string; message: string }> };
