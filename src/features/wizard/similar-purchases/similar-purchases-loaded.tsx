import { use } from 'react';
import { loadSimilarPurchaseLookup, type SimilarPurchaseLookup } from '../../register';
import { SimilarPurchasesPanel, type SimilarPurchasesPanelProps } from './similar-purchases-panel';

export type SimilarPurchasesCheckProps = Omit<SimilarPurchasesPanelProps, 'register'>;

// The register's part (its query client and the lookup as the acting user) is its own chunk, shared with the register.
let registerLookup: Promise<SimilarPurchaseLookup> | null = null;

/** The panel with the register's query client, once the register's part has loaded (suspends until then). */
export default function SimilarPurchasesLoaded(props: SimilarPurchasesCheckProps) {
  const register = use((registerLookup ??= loadSimilarPurchaseLookup()));
  return (
    <register.WithQueryClient>
      <SimilarPurchasesPanel {...props} register={register} />
    </register.WithQueryClient>
  );
}
