// @xstate/react imports the use-sync-external-store shim, written for React before 18; React 19 has the hook
// itself. vite.config.ts points the shim here, so the guide's first load carries React's own and not a second copy.
export { useSyncExternalStore } from 'react';
