import { config } from 'zod/v4/core';

// zod 4 probes for eval (`new Function`) to compile fast object parsers; under the app's
// Content-Security-Policy (script-src 'self', src/server/security/security-headers.ts) the probe
// fails and the browser reports a policy violation for it. Jitless mode skips the probe.
// Imported first by main.tsx, before any schema parses; from zod's core alone, so the first load
// does not carry the whole of zod for one setting.
config({ jitless: true });
