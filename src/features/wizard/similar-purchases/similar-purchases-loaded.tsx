import { lazy } from 'react';
import { loadSimilarPurchaseLookup } from '../../register';
import { SimilarPurchasesPanel, type SimilarPurchasesPanelProps } from './similar-purchases-panel';

export type SimilarPurchasesCheckProps = Omit<SimilarPurchasesPanelProps, 'register'>;

// The register's part (its query client and the lookup as the acting user) comes in its own chunk, shared with the register.
const WithRegister = lazy(() =>
  loadSimilarPurchaseLookup().then((register) => ({
    default: (props: SimilarPurchasesCheckProps) => (
      <register.WithQueryClient>
        <SimilarPurchasesPanel {...props} register={register} />
      </register.WithQueryClient>
    ),
  })),
);

export default WithRegister;
