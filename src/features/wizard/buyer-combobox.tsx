import { useMemo } from 'react';
import { Combobox, type ComboboxOption } from '../../components/combobox';
import { listBuyers, type Buyer } from '../../engine/buyers';
import { useI18n } from '../../i18n/i18n';
import { useWizard } from './wizard-provider';

/** The organisation question: every kommun and region, a state agency and "other", found by name, län or code. */
export function BuyerCombobox(props: {
  id: string;
  value: string;
  onChange: (id: string) => void;
  onBlur: () => void;
  describedBy: string | undefined;
  invalid: boolean;
}) {
  const { ruleset } = useWizard();
  const { t, lang } = useI18n();
  const options = useMemo(() => {
    const detail = (b: Buyer): string => {
      if (b.kind === 'kommun') return t({ sv: `Kommun i ${b.lan!.name}`, en: `Municipality in ${b.lan!.name}` });
      if (b.kind === 'region') return t({ sv: `Region, ${b.lan!.name}`, en: `Region, ${b.lan!.name}` });
      if (b.kind === 'state' && b.id !== 'state') return t({ sv: 'Statlig myndighet med egna riktlinjer inlagda', en: 'State agency with its own guidelines loaded' });
      if (b.kind === 'state') return t({ sv: 'Myndighet under regeringen – statliga tröskelvärden', en: 'Central government authority – central thresholds' });
      return t({ sv: 'En organisation som inte finns i listan', en: 'An organisation not in the list' });
    };
    const order = (b: Buyer) => (b.id === 'state' ? 1 : b.kind === 'other' ? 2 : 0);
    return listBuyers(ruleset)
      .map((b): ComboboxOption & { rank: number } => ({
        value: b.id,
        label: b.id === 'state' ? t({ sv: 'Statlig myndighet', en: 'State agency' }) : b.name,
        detail: detail(b),
        keywords: [b.code, b.kind === 'region' ? 'landsting' : ''].filter(Boolean).join(' '),
        rank: order(b),
      }))
      .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label, 'sv'));
  }, [ruleset, t]);
  return (
    <Combobox
      {...props}
      options={options}
      placeholder={t({ sv: 'Skriv kommun, region eller myndighet', en: 'Type a municipality, region or agency' })}
      countText={(n) => (lang === 'sv' ? `${n} träffar. Välj med pil upp och ned och Enter.` : `${n} matches. Choose with the arrow keys and Enter.`)}
      noMatchText={t({ sv: 'Ingen träff. Välj "Annan organisation" om din inte finns.', en: 'No match. Choose "Other organisation" if yours is not listed.' })}
    />
  );
}
