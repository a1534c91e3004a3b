import { Suspense } from 'react';
import SimilarPurchasesLoaded, { type SimilarPurchasesCheckProps } from './similar-purchases-loaded';

/**
 * The register's similar purchases for the purchase being planned (LOU 5 kap.). Never in the guide's
 * first load: the supplier step gets it with the fields' guidance chunk (field-guidance.tsx), the recommendation page
 * with its own chunk, and the register's part comes on demand (similar-purchases-loaded.tsx).
 */
export function SimilarPurchasesCheck(props: SimilarPurchasesCheckProps) {
  return (
    <Suspense fallback={null}>
      <SimilarPurchasesLoaded {...props} />
    </Suspense>
  );
}
