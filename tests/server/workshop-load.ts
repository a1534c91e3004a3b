import { routeIds } from '../../src/engine/answers-schema';
import { participantVerdicts, type OpenedSession, type ParticipantVerdict, type PublicSessionState } from '../../src/shared/workshop-session';

export const jsonPost = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Follows a session's event stream as a phone does, keeping the last state and whether it was closed. */
export function followEvents(url: string): { states: PublicSessionState[]; closed: Promise<void>; ready: Promise<void>; stop: () => void } {
  const controller = new AbortController();
  const states: PublicSessionState[] = [];
  let ready!: () => void;
  const readyPromise = new Promise<void>((done) => (ready = done));
  const closed = (async () => {
    const response = await fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
    if (!response.ok || !response.body) throw new Error(`the event stream answered ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === 'state' && data) {
          states.push(JSON.parse(data) as PublicSessionState);
          ready();
        }
        if (event === 'closed') return;
      }
    }
  })().catch((error: unknown) => {
    if (!(error instanceof Error && error.name === 'AbortError')) throw error;
  });
  return { states, closed, ready: readyPromise, stop: () => controller.abort() };
}

/** The verdicts participant `i` gives: spread over the three choices so that every count is known in advance. */
export function verdictsOf(i: number): Record<(typeof routeIds)[number], ParticipantVerdict> {
  return Object.fromEntries(routeIds.map((route, r) => [route, participantVerdicts[(i + r) % participantVerdicts.length]!])) as Record<
    (typeof routeIds)[number],
    ParticipantVerdict
  >;
}

export type LoadResult = {
  participants: number;
  joinMs: number;
  answerMs: number;
  errors: string[];
  final: PublicSessionState;
  /** Streams that saw the revealed distribution with every answer in it. */
  streamsRevealed: number;
};

/**
 * A whole room at once over loopback: `participants` phones join and follow the session's events, all answer
 * at the same moment, the trainer reveals, and every stream must see every answer counted.
 */
export async function runRoom(baseUrl: string, participants: number): Promise<LoadResult> {
  const errors: string[] = [];
  const opened = (await (await jsonPost(`${baseUrl}/api/workshop/sessions`, { scenarioId: 'fruktkorgar-reserverad', title: { sv: 'Fruktkorgar', en: 'Fruit baskets' } })).json()) as OpenedSession;
  const api = `${baseUrl}/api/workshop/sessions/${opened.code}`;

  const joinStart = performance.now();
  const tokens = await Promise.all(
    Array.from({ length: participants }, async (_, i) => {
      const response = await jsonPost(`${api}/join`, {});
      if (response.status !== 201) errors.push(`join ${i}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { participantToken: string }).participantToken;
    }),
  );
  const joinMs = performance.now() - joinStart;

  const streams = tokens.map(() => followEvents(`${api}/events`));
  await Promise.all(streams.map((s) => s.ready));

  const answerStart = performance.now();
  await Promise.all(
    tokens.map(async (participantToken, i) => {
      const response = await jsonPost(`${api}/answer`, { participantToken, verdicts: verdictsOf(i), why: `Deltagare ${i + 1}: värdet räknas över hela avtalstiden.` });
      if (response.status !== 200) errors.push(`answer ${i}: ${response.status} ${await response.text()}`);
    }),
  );
  const answerMs = performance.now() - answerStart;

  const revealed = await jsonPost(`${api}/reveal`, { trainerToken: opened.trainerToken });
  if (revealed.status !== 200) errors.push(`reveal: ${revealed.status} ${await revealed.text()}`);
  const final = (await revealed.json()) as PublicSessionState;

  const close = await jsonPost(`${api}/close`, { trainerToken: opened.trainerToken });
  if (close.status !== 200) errors.push(`close: ${close.status}`);
  await Promise.all(streams.map((s) => s.closed));
  const streamsRevealed = streams.filter((s) => s.states.some((st) => st.phase === 'revealed' && st.answered === participants)).length;
  return { participants, joinMs, answerMs, errors, final, streamsRevealed };
}
