import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Localized } from '../engine/ruleset-schema';
import type { Lang } from '../engine/format';

type I18n = { lang: Lang; setLang: (lang: Lang) => void; t: (text: Localized) => string };

const I18nContext = createContext<I18n | null>(null);
const storageKey = 'vagval.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

/** Swedish by default; the choice of English is remembered in this browser. */
export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLang] = useState<Lang>(fixed ?? initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(storageKey, lang);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
  }, [lang]);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (text) => text[lang] }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
