import { lazy, Suspense } from 'react';
import type { SimilarPurchasesCheckProps } from './similar-purchases-loaded';

// The check, its list and the register's query client load when a step shows it, never with the guide's first page.
const Loaded = lazy(() => import('./similar-purchases-loaded'));

/** The register's similar purchases for the purchase being planned (issue 13, item 4; LOU 5 kap.). */
export function SimilarPurchasesCheck(props: SimilarPurchasesCheckProps) {
  return (
    <Suspense fallback={null}>
      <Loaded {...props} />
    </Suspense>
  );
}
