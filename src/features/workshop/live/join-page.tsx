import { useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { routeIds, type RouteId } from '../../../engine/answers-schema';
import { useI18n } from '../workshop-i18n';
import { browserRuleset } from '../../../rules-data/browser-ruleset';
import { codeLength, codePattern, maxWhyChars, participantVerdicts, type ParticipantVerdict, type PublicSessionState } from '../../../shared/workshop-session';
import { scenarioById } from '../scenarios/scenario-library';
import { participantVerdictWords } from './room-answers';
import { OwnAnswers } from './own-answers';
import { sessionApi, SessionRequestError } from './session-client';
import { useLiveSession } from './use-live-session';
import { PhoneConnectionNotice } from './connection-notice';
import './join-page.css';

/** `#/join/ABC123` → "ABC123"; the code a QR code or a typed address carries. */
export function codeFromHash(hash: string): string {
  const match = /^#\/join\/([^/?]*)/.exec(hash);
  return match ? decodeURIComponent(match[1]!).toUpperCase() : '';
}

const storageKey = (code: string) => `vagval.workshop.join.${code}`;
function rememberedToken(code: string): string | null {
  try {
    return sessionStorage.getItem(storageKey(code));
  } catch {
    return null;
  }
}
function remember(code: string, token: string | null) {
  try {
    if (token) sessionStorage.setItem(storageKey(code), token);
    else sessionStorage.removeItem(storageKey(code));
  } catch {
    // Without storage a reload joins afresh.
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

type Errors = Partial<Record<RouteId | 'why' | 'code', string>>;

/**
 * A participant's phone: join the trainer's session by its code (from the QR code or typed), answer per route
 * and why in a sentence, change it until the trainer reveals, then see one's own answer against the key. No
 * account and nothing personal: the phone holds a random token, the server an answer, until the session closes.
 */
export function JoinPage() {
  const { t } = useI18n();
  const id = useId();
  const hashCode = useSyncExternalStore(subscribe, () => codeFromHash(window.location.hash), () => '');
  const [code, setCode] = useState(hashCode);
  const [typed, setTyped] = useState(hashCode);
  const [token, setToken] = useState<string | null>(() => (hashCode ? rememberedToken(hashCode) : null));
  const [joinError, setJoinError] = useState<string | null>(null);
  const [verdicts, setVerdicts] = useState<Partial<Record<RouteId, ParticipantVerdict>>>({});
  const [why, setWhy] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [sent, setSent] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [sendError, setSendError] = useState<string | null>(null);
  const live = useLiveSession(token ? code : null);

  const typedCode = (joinCode: string) => {
    setJoinError(null);
    if (!codePattern.test(joinCode)) {
      setErrors({ code: t({ sv: 'Koden är åtta tecken, bokstäver och siffror, som den står på skärmen.', en: 'The code is eight characters, letters and digits, as shown on the screen.' }) });
      return;
    }
    setErrors({});
    void join(joinCode);
  };
  const join = async (joinCode: string) => {
    try {
      const joined = await sessionApi.join(joinCode);
      remember(joinCode, joined.participantToken);
      setCode(joinCode);
      setToken(joined.participantToken);
    } catch (error) {
      setJoinError(error instanceof SessionRequestError ? error.message : String(error));
    }
  };

  // Opened from the QR code: join at once, once (an effect may run twice; a second join would count twice).
  const joining = useRef<string | null>(null);
  useEffect(() => {
    if (joining.current === hashCode) return;
    joining.current = hashCode;
    if (codePattern.test(hashCode) && !rememberedToken(hashCode)) void join(hashCode);
  }, [hashCode]);

  useEffect(() => {
    if (live.closed && token) remember(code, null);
  }, [live.closed, token, code]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    for (const route of routeIds) if (!verdicts[route]) found[route] = t({ sv: 'Välj ett svar för den här vägen.', en: 'Choose an answer for this route.' });
    if (why.trim() === '') found.why = t({ sv: 'Skriv varför i en mening.', en: 'Write why in a sentence.' });
    else if (why.trim().length > maxWhyChars) found.why = t({ sv: `Högst ${maxWhyChars} tecken – en mening räcker.`, en: `At most ${maxWhyChars} characters – one sentence is enough.` });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`${id}-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setSent('sending');
    setSendError(null);
    try {
      await sessionApi.answer(code, { participantToken: token!, verdicts: verdicts as Record<RouteId, ParticipantVerdict>, why: why.trim() });
      setSent('sent');
    } catch (error) {
      setSent('idle');
      setSendError(error instanceof SessionRequestError ? error.message : String(error));
    }
  };

  const state: PublicSessionState | null = live.state;
  const scenario = state ? scenarioById(state.scenarioId) : undefined;

  if (live.refused) {
    return (
      <section className="join-page" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t({ sv: 'Mobilen kan inte följa sessionen just nu', en: 'This phone cannot follow the session right now' })}</h2>
        <p role="alert">{live.refused}</p>
      </section>
    );
  }

  if (live.closed) {
    return (
      <section className="join-page" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>
          {live.ended?.by === 'lost' ? t({ sv: 'Sessionen finns inte längre', en: 'The session is gone' }) : t({ sv: 'Sessionen är avslutad', en: 'The session has ended' })}
        </h2>
        <p data-testid="session-ended" data-ended-by={live.ended?.by ?? 'trainer'}>
          {live.ended?.message ||
            t({ sv: 'Kursledaren har avslutat sessionen och svaren är raderade.', en: 'The trainer has closed the session and the answers are deleted.' })}
        </p>
        <p>
          {live.ended?.by === 'lost'
            ? t({ sv: 'Be kursledaren öppna en ny session och skanna den nya koden.', en: 'Ask the trainer to open a new session and scan the new code.' })
            : t({ sv: 'Tack för att du var med!', en: 'Thank you for taking part!' })}
        </p>
      </section>
    );
  }

  if (!token) {
    return (
      <section className="join-page" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t({ sv: 'Gå med i övningen', en: 'Join the exercise' })}</h2>
        <p>{t({ sv: 'Skriv koden som står på skärmen. Du behöver inget konto och inget om dig sparas.', en: 'Type the code shown on the screen. You need no account and nothing about you is stored.' })}</p>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            typedCode(typed.trim().toUpperCase());
          }}
        >
          <div className={`field${errors.code ? ' field--invalid' : ''}`}>
            <label htmlFor={`${id}-code`} className="field__label">
              {t({ sv: 'Kod', en: 'Code' })}
            </label>
            <input
              id={`${id}-code`}
              type="text"
              className="join-page__code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={codeLength}
              value={typed}
              onChange={(event) => setTyped(event.target.value.toUpperCase())}
              aria-invalid={errors.code ? true : undefined}
              aria-describedby={errors.code ? `${id}-code-error` : undefined}
            />
            {errors.code ? (
              <p id={`${id}-code-error`} className="field__error">
                {errors.code}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button">
            {t({ sv: 'Gå med', en: 'Join' })}
          </button>
        </form>
        {joinError ? (
          <p role="alert" className="notice notice--warning">
            {joinError}
          </p>
        ) : null}
      </section>
    );
  }

  const title = state ? t(state.title) : t({ sv: 'Ansluter…', en: 'Connecting…' });
  const revealed = state?.phase === 'revealed';
  return (
    <section className="join-page" aria-labelledby={`${id}-heading`} data-phase={state?.phase ?? 'connecting'}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <PhoneConnectionNotice live={live} />
      {revealed ? (
        <>
          <p className="notice">{t({ sv: 'Facit visas nu på skärmen.', en: 'The answer key is now on the screen.' })}</p>
          {scenario ? (
            <>
              <h3>{t({ sv: 'Ditt svar mot facit', en: 'Your answer against the key' })}</h3>
              <OwnAnswers routes={browserRuleset.routes} verdicts={verdicts} answerKey={scenario.answerKey} />
            </>
          ) : null}
        </>
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)}>
          <p>
            {t({
              sv: 'Vilka av de fyra vägarna är tillåtna för köpet på skärmen? Svara för varje väg och skriv varför i en mening. Du kan ändra svaret tills kursledaren visar facit.',
              en: 'Which of the four routes are allowed for the purchase on the screen? Answer for each route and write why in a sentence. You can change your answer until the trainer reveals the key.',
            })}
          </p>
          {routeIds.map((route) => (
            <fieldset
              key={route}
              className={`field field--choice join-page__route${errors[route] ? ' field--invalid' : ''}`}
              aria-describedby={errors[route] ? `${id}-${route}-error` : undefined}
            >
              <legend className="field__label">{t(browserRuleset.routes[route].name)}</legend>
              <div className="join-page__choices">
                {participantVerdicts.map((v, i) => (
                  <label key={v} className="join-page__choice">
                    <input
                      id={i === 0 ? `${id}-${route}` : undefined}
                      type="radio"
                      name={`${id}-${route}`}
                      value={v}
                      checked={verdicts[route] === v}
                      onChange={() => {
                        setVerdicts({ ...verdicts, [route]: v });
                        setSent('idle');
                      }}
                    />
                    <span>{t(participantVerdictWords[v])}</span>
                  </label>
                ))}
              </div>
              {errors[route] ? (
                <p id={`${id}-${route}-error`} className="field__error">
                  {errors[route]}
                </p>
              ) : null}
            </fieldset>
          ))}
          <div className={`field${errors.why ? ' field--invalid' : ''}`}>
            <label htmlFor={`${id}-why`} className="field__label">
              {t({ sv: 'Varför? En mening', en: 'Why? One sentence' })}
            </label>
            <textarea
              id={`${id}-why`}
              rows={3}
              value={why}
              onChange={(event) => {
                setWhy(event.target.value);
                setSent('idle');
              }}
              aria-invalid={errors.why ? true : undefined}
              aria-describedby={`${errors.why ? `${id}-why-error ` : ''}${id}-why-count`}
            />
            {errors.why ? (
              <p id={`${id}-why-error`} className="field__error">
                {errors.why}
              </p>
            ) : null}
            <p id={`${id}-why-count`} className="field__hint">
              {t({ sv: `${why.trim().length} av högst ${maxWhyChars} tecken`, en: `${why.trim().length} of at most ${maxWhyChars} characters` })}
            </p>
          </div>
          <button type="submit" className="button" disabled={sent === 'sending' || !state}>
            {sent === 'sent' ? t({ sv: 'Skicka ändringen', en: 'Send the change' }) : t({ sv: 'Skicka svaret', en: 'Send the answer' })}
          </button>
          <p role="status" className="join-page__status">
            {sent === 'sent' ? t({ sv: 'Ditt svar är skickat. Du kan ändra det tills kursledaren visar facit.', en: 'Your answer is sent. You can change it until the trainer reveals the key.' }) : ''}
          </p>
          {sendError ? (
            <p role="alert" className="notice notice--warning">
              {sendError}
            </p>
          ) : null}
        </form>
      )}
      {state ? (
        <p className="join-page__meta">
          {t({ sv: `Kod ${state.code} · ${state.answered} av ${state.participants} har svarat`, en: `Code ${state.code} · ${state.answered} of ${state.participants} have answered` })}
        </p>
      ) : null}
    </section>
  );
}
