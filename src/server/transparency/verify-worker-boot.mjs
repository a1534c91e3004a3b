// The full verify's worker entry: Node cannot start a worker from TypeScript by itself, so this
// plain module loads the TypeScript worker through tsx (as `npm start` runs the server).
import { tsImport } from 'tsx/esm/api';

await tsImport('./verify-worker.ts', import.meta.url);
