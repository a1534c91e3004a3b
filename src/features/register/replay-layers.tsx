import { useI18n } from '../../i18n/i18n';
import type { Replay } from '../../shared/decision-trail';
import { routeName } from './labels';

const changeWords = {
  added: { sv: 'ny', en: 'new' },
  removed: { sv: 'borttagen', en: 'removed' },
  reworded: { sv: 'ändrad lydelse', en: 'reworded' },
} as const;

/** The buyer's layers then and now, and the notes a layer change added, removed or reworded. */
export function ReplayLayers({ replay }: { replay: Replay }) {
  const { t } = useI18n();
  const key = (l: { id: string; version: string }) => `${l.id}@${l.version}`;
  const layersChanged = replay.layers.before.map(key).join('|') !== replay.layers.after.map(key).join('|');
  if (!layersChanged && replay.notes.length === 0) return null;
  const list = (layers: Replay['layers']['before']) =>
    layers.length === 0 ? t({ sv: 'inga (bara lagen)', en: 'none (the law alone)' }) : layers.map((l) => `${t(l.name)} (${t({ sv: 'version', en: 'version' })} ${l.version})`).join('; ');
  return (
    <section aria-label={t({ sv: 'Organisationens riktlinjer', en: "The organisation's guidelines" })}>
      <h5>{t({ sv: 'Organisationens riktlinjer (lager över lagen)', en: "The organisation's guidelines (layers over the law)" })}</h5>
      {layersChanged ? (
        <p>
          {t({ sv: 'Då: ', en: 'Then: ' })}
          {list(replay.layers.before)}. {t({ sv: 'Nu: ', en: 'Now: ' })}
          {list(replay.layers.after)}.
        </p>
      ) : null}
      {replay.notes.length > 0 ? (
        <ul>
          {replay.notes.map((n) => (
            <li key={`${n.route}|${n.id}|${n.change}`}>
              <strong>{n.route === 'general' ? t({ sv: 'Allmänt', en: 'General' }) : t(routeName(n.route))}</strong>, {t(n.layer)} ({t(changeWords[n.change])}): {t(n.text)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
