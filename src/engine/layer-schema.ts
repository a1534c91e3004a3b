import { z } from 'zod';
import { buyerIdPattern, organisationIds, purchaseKinds, routeIds } from './answers-schema';
import { conditionSchema, evidenceStatusSchema, localizedSchema, overlayNoteSchema, sourceRefSchema } from './ruleset-schema';

// The format of rules/layers/<id>.yaml: what a buyer's own documents (policy, riktlinjer, plan) add over
// the law. Documented for the people who maintain them in rules/README.md ("Layers").

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
const id = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be lower-case words joined by "-" or "."');
const buyerId = z.union([
  z.enum(organisationIds),
  z.string().regex(buyerIdPattern, 'must be a buyer such as kommun-0780, region-07, myndighet-lunds-universitet or ljungby'),
]);

/**
 * An internal band: what the buyer's own riktlinjer ask between two amounts (quotes to take, an approval,
 * documentation). A band informs; it never opens or closes a route, and it may not reach past the law.
 */
export const bandSchema = z.strictObject({
  id,
  route: z.enum([...routeIds, 'general']),
  kind: z.enum(['quotes', 'approval', 'documentation', 'advice']),
  /** The band applies from this estimated value (kr, inclusive) … */
  fromSek: z.number().nonnegative().optional(),
  /** … up to this one (kr, exclusive). */
  toSek: z.number().positive().optional(),
  /** Only for these kinds of purchase; every kind when absent. */
  purchaseKinds: z.array(z.enum(purchaseKinds)).min(1).optional(),
  appliesWhen: conditionSchema.optional(),
  validFrom: isoDate,
  validTo: isoDate.nullable().default(null),
  status: evidenceStatusSchema,
  source: sourceRefSchema,
  text: localizedSchema,
});
export type Band = z.infer<typeof bandSchema>;

export const layerFileSchema = z.strictObject({
  id,
  /** The document's own title, as a procurer would cite it. */
  name: localizedSchema,
  /** What the document is; a motion or a web page is loaded where it is all an organisation has published. */
  kind: z.enum(['policy', 'riktlinje', 'plan', 'handlingsplan', 'motion', 'webbsida']),
  /** Who adopted it and owns it: kommunfullmäktige, a joint board, a university's vice-chancellor … */
  owner: z.string().min(1),
  /** The buyers it binds. A shared layer names several, or a län's kommuner. */
  appliesTo: z
    .strictObject({
      buyers: z.array(buyerId).min(1).optional(),
      /** Every kommun in these län (länskod), where the document says so. */
      lanKommuner: z.array(z.string().regex(/^\d{2}$/, 'must be a two-digit länskod')).min(1).optional(),
    })
    .refine((a) => a.buyers !== undefined || a.lanKommuner !== undefined, { message: 'must name buyers or lanKommuner' }),
  /** The dated version of the layer; a change is a new version, and saved decisions keep the one they were made under. */
  version: isoDate,
  validFrom: isoDate,
  validTo: isoDate.nullable().default(null),
  documents: z.array(id).min(1),
  summary: localizedSchema,
  notes: z.array(overlayNoteSchema).default([]),
  bands: z.array(bandSchema).default([]),
});
export type LayerFile = z.infer<typeof layerFileSchema>;
