import type { Resumption } from './use-live-session';

type Words = { sv: string; en: string };

const clock = (ms: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));

/** A duration as a person says it: "40 s", "12 min", "2 h 5 min". */
export function howLong(ms: number): Words {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return { sv: `${seconds} s`, en: `${seconds} s` };
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return { sv: `${minutes} min`, en: `${minutes} min` };
  const rest = minutes % 60;
  const h = `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
  return { sv: h, en: h };
}

/** What the presenter is told while the stream is broken: the answers already in are on the server's disk. */
export function presenterInterrupted(since: number): Words {
  return {
    sv: `Förbindelsen med servern är bruten sedan ${clock(since)}. Den här datorn och mobilerna försöker igen av sig själva. Svaren som redan kommit in är sparade på servern och finns kvar när den är tillbaka.`,
    en: `The connection to the server has been broken since ${clock(since)}. This computer and the phones keep trying by themselves. The answers already in are saved on the server and will be there when it is back.`,
  };
}

/** What the presenter is told once the session is back: why it was away, for how long, and whether answers were lost. */
export function presenterResumed(r: Resumption): Words {
  const away = howLong(r.to - r.from);
  const span = `${clock(r.from)}–${clock(r.to)}`;
  const why: Words =
    r.cause === 'restart'
      ? { sv: `Servern startades om (borta ${away.sv}, ${span}).`, en: `The server restarted (away ${away.en}, ${span}).` }
      : r.cause === 'sleep'
        ? { sv: `Datorn har sovit i ${away.sv} (${span}); mobilerna kopplar upp sig igen av sig själva.`, en: `The computer slept for ${away.en} (${span}); the phones reconnect by themselves.` }
        : { sv: `Förbindelsen med servern var bruten i ${away.sv} (${span}).`, en: `The connection to the server was broken for ${away.en} (${span}).` };
  const lost = r.answeredBefore - r.answeredNow;
  const kept: Words =
    lost > 0
      ? {
          sv: `Sessionen fortsätter, men ${lost} av ${r.answeredBefore} svar finns inte kvar: be dem som svarat svara igen.`,
          en: `The session carries on, but ${lost} of ${r.answeredBefore} answers are gone: ask those who answered to answer again.`,
        }
      : {
          sv: `Sessionen fortsätter och inga svar gick förlorade: ${r.answeredNow} av ${r.participants} har svarat.`,
          en: `The session carries on and no answers were lost: ${r.answeredNow} of ${r.participants} have answered.`,
        };
  return { sv: `${why.sv} ${kept.sv}`, en: `${why.en} ${kept.en}` };
}

/** What a phone is told while the trainer's computer cannot be reached, and once it is back. */
export const phoneInterrupted: Words = {
  sv: 'Kursledarens dator svarar inte just nu. Mobilen försöker igen av sig själv – ett svar du redan skickat finns sparat.',
  en: "The trainer's computer is not answering right now. The phone keeps trying by itself – an answer you already sent is saved.",
};
export function phoneResumed(r: Resumption): Words {
  return r.cause === 'restart'
    ? { sv: 'Kursledarens dator startades om. Sessionen fortsätter där den var.', en: "The trainer's computer restarted. The session carries on where it was." }
    : { sv: 'Förbindelsen är tillbaka. Sessionen fortsätter där den var.', en: 'The connection is back. The session carries on where it was.' };
}
