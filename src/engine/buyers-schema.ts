import { z } from 'zod';
import { organisationIds } from './answers-schema';

// The format of rules/buyers/sweden.yaml: every kommun and region a procurer can choose, by SCB's codes.

const lanCode = z.string().regex(/^\d{2}$/, 'must be a two-digit länskod such as 07');
const seedOrganisation = z.enum(organisationIds).exclude(['other']);

export const lanSchema = z.strictObject({
  code: lanCode,
  name: z.string().min(1),
  /** The region (regionkommun) of the län, by the name it uses itself. */
  region: z.string().min(1),
  /** The seed organisation this region is, by its short id (its policy is rules/layers/<id>.yaml). */
  organisation: seedOrganisation.optional(),
});

export const kommunSchema = z.strictObject({
  code: z.string().regex(/^\d{4}$/, 'must be a four-digit kommunkod such as 0780'),
  name: z.string().min(1),
  lan: lanCode,
  organisation: seedOrganisation.optional(),
});

/** A state agency named because a layer of its own is loaded; every other one is the generic `state`. */
export const myndighetSchema = z.strictObject({
  id: z.string().regex(/^myndighet-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be myndighet- and the name in lower-case words, e.g. myndighet-lunds-universitet'),
  name: z.string().min(1),
});

export const buyersFileSchema = z.strictObject({
  source: z.strictObject({ document: z.string().min(1), excerpt: z.string().min(1) }),
  validFrom: z.iso.date({ error: 'must be a date written YYYY-MM-DD' }),
  lan: z.array(lanSchema).min(1),
  kommuner: z.array(kommunSchema).min(1),
  myndigheter: z.array(myndighetSchema).default([]),
});
export type BuyersFile = z.infer<typeof buyersFileSchema>;
