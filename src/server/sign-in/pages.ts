/**
 * The few pages the sign-in itself answers with, before the app is there to speak: Swedish first,
 * English below, no script and no inline style (the Content-Security-Policy allows neither), and
 * never an error's inner workings — those go to the server's log.
 */
export type SignInProblem = 'provider-down' | 'not-configured-right' | 'no-access' | 'no-user-claim' | 'refused-at-provider' | 'not-completed' | 'not-started';

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const texts: Record<SignInProblem, { title: string; sv: string; en: string; retry: boolean }> = {
  'provider-down': {
    title: 'Inloggning går inte just nu',
    sv: 'Organisationens inloggningstjänst svarar inte, så du kan inte logga in i Vägval just nu. Försök igen om en stund. Inget som redan är sparat i beslutsregistret har påverkats. Guiden fungerar utan inloggning.',
    en: "Your organisation's sign-in service does not answer, so you cannot sign in to Vägval now. Try again in a while. Nothing already saved in the decision register is affected. The guide works without signing in.",
    retry: true,
  },
  'not-configured-right': {
    title: 'Inloggning går inte just nu',
    sv: 'Vägval och organisationens inloggningstjänst är inte överens om hur inloggningen ska gå till, så du kan inte logga in just nu. Kontakta den som driver Vägval hos er (it-avdelningen). Inget som redan är sparat har påverkats.',
    en: "Vägval and your organisation's sign-in service do not agree on how signing in works, so you cannot sign in now. Contact whoever runs Vägval for you (the IT department). Nothing already saved is affected.",
    retry: false,
  },
  'no-access': {
    title: 'Du har ingen behörighet i Vägval',
    sv: 'Du är inloggad hos organisationen, men ditt konto finns inte i någon av de grupper som ger behörighet till Vägvals beslutsregister. Be den som ansvarar för behörigheter att lägga till dig i rätt grupp (upphandlare, revisor eller administratör). Guiden fungerar utan inloggning.',
    en: 'You are signed in at your organisation, but your account is in none of the groups that give access to the Vägval decision register. Ask whoever manages access to add you to the right group (procurer, auditor or administrator). The guide works without signing in.',
    retry: false,
  },
  'no-user-claim': {
    title: 'Ditt konto saknar ett namn Vägval kan använda',
    sv: 'Inloggningstjänsten skickade inget användarnamn som Vägval kan skriva i registret. Kontakta den som driver Vägval hos er.',
    en: 'The sign-in service sent no user name that Vägval can write in the register. Contact whoever runs Vägval for you.',
    retry: false,
  },
  'refused-at-provider': {
    title: 'Inloggningen avbröts',
    sv: 'Inloggningstjänsten avbröt eller nekade inloggningen. Du kan försöka igen.',
    en: 'The sign-in service cancelled or refused the sign-in. You can try again.',
    retry: true,
  },
  'not-completed': {
    title: 'Inloggningen kunde inte slutföras',
    sv: 'Svaret från inloggningstjänsten gick inte att godta (det var för gammalt, gällde en annan inloggning eller en annan tjänst). Du är inte inloggad. Börja om inloggningen.',
    en: 'The answer from the sign-in service could not be accepted (it was too old, belonged to another sign-in or to another service). You are not signed in. Start the sign-in again.',
    retry: true,
  },
  'not-started': {
    title: 'Inloggningen kunde inte slutföras',
    sv: 'Vägval hittar ingen påbörjad inloggning för det här svaret: den kan ha tagit för lång tid, redan ha använts eller ha påbörjats i en annan webbläsare. Börja om inloggningen.',
    en: 'Vägval finds no sign-in under way for this answer: it may have taken too long, been used already or been started in another browser. Start the sign-in again.',
    retry: true,
  },
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} – Vägval</title><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/sign-in.css"></head>
<body>
<header class="bar"><a href="/">Vägval</a></header>
<main>
<h1>${escape(title)}</h1>
${body}
</main>
</body>
</html>`;
}

export function problemPage(problem: SignInProblem): string {
  const t = texts[problem];
  const retry = t.retry ? `<p><a href="/auth/sign-in">Försök logga in igen</a></p>` : '';
  return page(t.title, `<p>${escape(t.sv)}</p>${retry}<p><a href="/">Till Vägval</a></p><section lang="en"><h2>In English</h2><p>${escape(t.en)}</p></section>`);
}

export function signedOutPage(): string {
  return page(
    'Du är utloggad',
    '<p>Du är utloggad från Vägval. Stäng webbläsaren om du använder en delad dator.</p><p><a href="/auth/sign-in">Logga in igen</a></p><p><a href="/">Till Vägval</a></p><section lang="en"><h2>In English</h2><p>You are signed out of Vägval. Close the browser if you use a shared computer.</p></section>',
  );
}
