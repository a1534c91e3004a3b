import { z } from 'zod';

/**
 * The answers contract shared by the wizard, the CLI, the server and the tests.
 * Every answer but the organisation and the decision date may be missing: the engine then
 * reports the routes that depend on it as `needs-info`, naming the missing answer.
 */

export const organisationIds = [
  'ljungby',
  'motala',
  'lekeberg',
  'region-orebro',
  'region-ostergotland',
  'other',
] as const;
export type OrganisationId = (typeof organisationIds)[number];

export const routeIds = ['direct-award', 'social-considerations', 'reserved-contract', 'iop'] as const;
export type RouteId = (typeof routeIds)[number];

export const purchaseKinds = ['goods', 'services', 'works'] as const;
export const supplierKinds = ['any', 'social-enterprise', 'ideaburen'] as const;

const isoDateSchema = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

export const purchaseSchema = z.strictObject({
  /** Free text for the decision document; never read by a rule. */
  description: z.string().max(2000).optional(),
  kind: z.enum(purchaseKinds).optional(),
  /** A social or other specific service listed in LOU bilaga 2. */
  annex2Service: z.boolean().optional(),
  /** A välfärdstjänst in LOU bilaga 2 a (had its own direct-award limit 2019-01-01 – 2022-01-31). */
  welfareService: z.boolean().optional(),
  /** Its CPV code is among those listed for 19 kap. 25 § / 25 a §. */
  reservableServiceCode: z.boolean().optional(),
  cpvCode: z.string().regex(/^\d{8}(-\d)?$/, 'must be a CPV code such as 85311000-2').optional(),
});

export const valueSchema = z.strictObject({
  /**
   * Estimated value excl. VAT over the whole term with options and extensions, similar
   * contracts in the surrounding 12 months added (LOU 5 kap.).
   */
  totalSek: z.number().finite().nonnegative().optional(),
  /** The inputs of the wizard's value helper, kept so that the document can show the sum. */
  annualSek: z.number().finite().nonnegative().optional(),
  optionsSek: z.number().finite().nonnegative().optional(),
  similarPurchasesSek: z.number().finite().nonnegative().optional(),
});

export const supplierSchema = z.strictObject({
  name: z.string().max(300).optional(),
  kind: z.enum(supplierKinds).optional(),
  /** Share of those working who are disabled or far from the labour market (0..1). */
  disadvantagedShare: z.number().min(0).max(1).optional(),
  /** The supplier as a legal entity has social and professional integration as its main purpose (4 kap. 18 §). */
  mainPurposeIntegration: z.boolean().optional(),
  publicServiceMission: z.boolean().optional(),
  reinvestsProfits: z.boolean().optional(),
  participatoryOwnership: z.boolean().optional(),
  awardedSameServiceLast3Years: z.boolean().optional(),
  ideaburenRegistered: z.boolean().optional(),
  /** The idéburen organisation's public-benefit purpose helps fulfil the purpose of the service (19 kap. 25 a §). */
  purposeLinkedToService: z.boolean().optional(),
});

export const contractSchema = z.strictObject({
  /** Contract term including extensions, in years. */
  years: z.number().finite().positive().max(50).optional(),
});

export const partnershipSchema = z.strictObject({
  paymentForService: z.boolean().optional(),
  ownInitiative: z.boolean().optional(),
  ownContribution: z.boolean().optional(),
  commonGoal: z.boolean().optional(),
  commercialMarket: z.boolean().optional(),
});

export const answersSchema = z.strictObject({
  organisation: z.enum(organisationIds),
  decisionDate: isoDateSchema,
  purchase: purchaseSchema.optional(),
  value: valueSchema.optional(),
  supplier: supplierSchema.optional(),
  contract: contractSchema.optional(),
  partnership: partnershipSchema.optional(),
});

export type Answers = z.infer<typeof answersSchema>;
