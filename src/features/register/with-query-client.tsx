import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, type ReactNode } from 'react';

// One client for the register page and the save button, so a save refreshes the register's lists.
// It lives here, not in the app shell, so that TanStack Query loads with the register and the
// save button instead of with the guide's first page.
const registerQueryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } });

/** Provides the register's query client unless a test (or a host page) has provided its own. */
export function WithQueryClient({ children }: { children: ReactNode }) {
  const provided = useContext(QueryClientContext);
  if (provided) return children;
  return <QueryClientProvider client={registerQueryClient}>{children}</QueryClientProvider>;
}
