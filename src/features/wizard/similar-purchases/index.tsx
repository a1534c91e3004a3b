import { lazy, Suspense } from 'react';
import { loadSimilarPurchaseLookup } from '../../register';
import type { SimilarPurchasesPanelProps } from './similar-purchases-panel';

// The check, its list and the register's query client load when a step shows it, never with the guide's first page.
const Panel = lazy(() =>
  Promise.all([import('./similar-purchases-panel'), loadSimilarPurchaseLookup()]).then(([panel, register]) => ({
    default: (props: Omit<SimilarPurchasesPanelProps, 'register'>) => (
      <register.WithQueryClient>
        <panel.SimilarPurchasesPanel {...props} register={register} />
      </register.WithQueryClient>
    ),
  })),
);

/** The register's similar purchases for the purchase being planned (issue 13, item 4; LOU 5 kap.). */
export function SimilarPurchasesCheck(props: Omit<SimilarPurchasesPanelProps, 'register'>) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}
