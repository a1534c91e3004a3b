import { z } from 'zod/mini';

/** A text in both languages, as rules/ holds it (ruleset-schema.ts's localizedSchema, in zod/mini for the browser). */
export const localizedSchema = z.strictObject({ sv: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });
