import { useI18n } from '../workshop-i18n';

/** The trainer's button that opens answers from phones, with the reason when opening failed. */
export function OpenSessionButton({ onOpen, error }: { onOpen: () => void; error: string | null }) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" className="button" onClick={onOpen}>
        {t({ sv: 'Öppna svar från mobiler', en: 'Open answers from phones' })}
      </button>
      {error ? (
        <p role="alert" className="notice notice--warning">
          {error}
        </p>
      ) : null}
    </>
  );
}
