import { lazy, Suspense, useEffect, useRef } from 'react';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { WizardPage } from '../features/wizard/wizard-page';
import { routeHashes, useHashRoute, type AppRoute } from './use-hash-route';

// The register and the workshop load on demand, keeping the wizard's first load small.
const RegisterPage = lazy(() => import('../features/register/register-page').then((m) => ({ default: m.RegisterPage })));
const JoinPage = lazy(() => import('../features/workshop/live/join-page').then((m) => ({ default: m.JoinPage })));
const WorkshopPage = lazy(() => import('../features/workshop/workshop-page').then((m) => ({ default: m.WorkshopPage })));

const navTexts: Record<AppRoute, { sv: string; en: string }> = {
  wizard: { sv: 'Guide', en: 'Guide' },
  register: { sv: 'Beslutsregister', en: 'Decision register' },
  workshop: { sv: 'Verkstad', en: 'Workshop' },
  join: { sv: 'Svara i övningen', en: 'Answer the exercise' },
  'not-found': { sv: 'Sidan finns inte', en: 'Page not found' },
};

/** An address that names no page of Vägval: said so, with the way to each page, instead of showing the guide. */
function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="not-found" aria-labelledby="not-found-heading">
      <h2 id="not-found-heading">{t({ sv: 'Sidan finns inte', en: 'The page does not exist' })}</h2>
      <p>
        {t({
          sv: 'Adressen leder inte till någon sida i Vägval. Kontrollera länken, eller gå vidare härifrån:',
          en: 'The address leads to no page in Vägval. Check the link, or go on from here:',
        })}
      </p>
      <ul>
        <li>
          <a href="/#/">{t({ sv: 'Guiden – börja eller fortsätt ett beslut', en: 'The guide – start or continue a decision' })}</a>
        </li>
        <li>
          <a href="/#/register">{t({ sv: 'Beslutsregistret', en: 'The decision register' })}</a>
        </li>
        <li>
          <a href="/#/workshop">{t({ sv: 'Verkstaden', en: 'The workshop' })}</a>
        </li>
      </ul>
    </section>
  );
}

function Shell() {
  const { t, lang, setLang } = useI18n();
  const route = useHashRoute();
  const main = useRef<HTMLElement>(null);
  const shownRoute = useRef(route);
  // On an address the app does not answer on, the menu's links lead back to the app's own path.
  const base = route === 'not-found' && window.location.pathname !== '/' ? '/' : '';
  useEffect(() => {
    document.title = `${t(navTexts[route])} – Vägval`;
  }, [route, t]);
  // After following a menu link, focus goes to the new page's content (not on first load).
  useEffect(() => {
    if (shownRoute.current === route) return;
    shownRoute.current = route;
    main.current?.focus();
  }, [route]);
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>
        {t({ sv: 'Hoppa till innehållet', en: 'Skip to content' })}
      </a>
      <header className="app-header no-print">
        <div className="app-header__inner">
          <p className="app-header__name">
            <a href={`${base}#/`}>Vägval</a>
            <span className="app-header__tagline">{t({ sv: 'Beslutsstöd för upphandling från sociala företag och idéburna organisationer', en: 'Decision support for buying from social enterprises and idéburna organisations' })}</span>
          </p>
          <nav aria-label={t({ sv: 'Huvudmeny', en: 'Main menu' })} className="app-nav">
            <ul>
              {(Object.keys(routeHashes) as Array<keyof typeof routeHashes>).map((r) => (
                <li key={r}>
                  <a href={`${base}${routeHashes[r]}`} aria-current={r === route ? 'page' : undefined}>
                    {t(navTexts[r])}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="lang-switch" role="group" aria-label={t({ sv: 'Språk', en: 'Language' })}>
            <button type="button" lang="sv" aria-pressed={lang === 'sv'} onClick={() => setLang('sv')}>
              Svenska
            </button>
            <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
              English
            </button>
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        <h1 className="visually-hidden">{`Vägval – ${t(navTexts[route])}`}</h1>
        <Suspense fallback={<p role="status">{t({ sv: 'Laddar…', en: 'Loading…' })}</p>}>
          {route === 'register' ? <RegisterPage /> : route === 'workshop' ? <WorkshopPage /> : route === 'join' ? <JoinPage /> : route === 'not-found' ? <NotFoundPage /> : <WizardPage />}
        </Suspense>
      </main>
      <footer className="app-footer no-print">
        <p>{t({ sv: 'Vägval ger stöd, inte juridisk rådgivning. Kontrollera alltid mot källorna.', en: 'Vägval gives support, not legal advice. Always check against the sources.' })}</p>
      </footer>
    </>
  );
}

/** The app: the language provider around the shell (the register brings its own server-state client). */
export function App() {
  return (
    <I18nProvider>
      <Shell />
    </I18nProvider>
  );
}
