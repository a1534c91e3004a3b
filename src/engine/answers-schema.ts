import { z } from 'zod/mini';
import { isOrgNumber } from './org-number';

// zod/mini: the same checks as classic zod at a fraction of the size, because these schemas ship in
// the guide's first load. The server and CLI also load classic zod, which sets the English messages.

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
/** The five seed organisations, whose policy is loaded as their own layer (rules/layers/<id>.yaml), and `other` for a buyer not in the list. */
export type SeedOrganisationId = (typeof organisationIds)[number];

/**
 * Any other Swedish buyer: a kommun or region by SCB's code, a named state agency whose riktlinjer are loaded
 * (`myndighet-<name>`; rules/buyers/sweden.yaml, which the engine checks), or `state`, any other statlig
 * myndighet. Such a buyer gets national law and the layers that name it (rules/layers/).
 */
export const buyerIdPattern = /^(?:kommun-\d{4}|region-\d{2}|myndighet-[a-z0-9]+(?:-[a-z0-9]+)*|state)$/;
export type OrganisationId = SeedOrganisationId | `kommun-${string}` | `region-${string}` | `myndighet-${string}` | 'state';

export const organisationSchema = z.union([
  z.enum(organisationIds),
  z.custom<OrganisationId>((v) => typeof v === 'string' && buyerIdPattern.test(v), {
    error: 'must be one of the named organisations, kommun-<kommunkod>, region-<länskod>, myndighet-<name> or state',
  }),
]);

export const routeIds = ['direct-award', 'social-considerations', 'reserved-contract', 'iop'] as const;
export type RouteId = (typeof routeIds)[number];

export const purchaseKinds = ['goods', 'services', 'works'] as const;
/** State agencies (statliga myndigheter) have the central government threshold; every other buyer the sub-central one. */
export const authorityKinds = ['state', 'municipal'] as const;
export type AuthorityKind = (typeof authorityKinds)[number];
export const supplierKinds = ['any', 'social-enterprise', 'ideaburen'] as const;

const isoDateSchema = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

export const purchaseSchema = z.strictObject({
  /** Free text for the decision document; never read by a rule. */
  description: z.optional(z.string().check(z.maxLength(2000))),
  kind: z.optional(z.enum(purchaseKinds)),
  /** A social or other specific service listed in LOU bilaga 2. */
  annex2Service: z.optional(z.boolean()),
  /** A välfärdstjänst in LOU bilaga 2 a (had its own direct-award limit 2019-01-01 – 2022-01-31). */
  welfareService: z.optional(z.boolean()),
  /**
   * Before rule set 2026.12.1 one answer for both reservation lists: "the code is on the lists of 19 kap. 25 § and
   * 25 a §". Saved answers keep it and keep that meaning (the engine reads it for both facts below when they are missing).
   */
  reservableServiceCode: z.optional(z.boolean()),
  /** The CPV code is on the list of 19 kap. 25 § (art. 77 of Directive 2014/24). */
  welfareReservationCode: z.optional(z.boolean()),
  /** The CPV code is on the list of 19 kap. 25 a § (reservation for idéburna organisationer). */
  ideaburenReservationCode: z.optional(z.boolean()),
  cpvCode: z.optional(z.string().check(z.regex(/^\d{8}(-\d)?$/, 'must be a CPV code of eight digits and a check digit, such as 85311000-2'))),
});

export const valueSchema = z.strictObject({
  /**
   * Estimated value excl. VAT over the whole term with options and extensions, similar
   * contracts in the surrounding 12 months added (LOU 5 kap.).
   */
  totalSek: z.optional(z.number().check(z.nonnegative())),
  /** The inputs of the wizard's value helper, kept so that the document can show the sum. */
  annualSek: z.optional(z.number().check(z.nonnegative())),
  optionsSek: z.optional(z.number().check(z.nonnegative())),
  similarPurchasesSek: z.optional(z.number().check(z.nonnegative())),
});

export const supplierSchema = z.strictObject({
  name: z.optional(z.string().check(z.maxLength(300))),
  /** Organisationsnummer, for finding the same supplier's earlier direct awards (LOU 5 kap.); never read by a rule. */
  orgNumber: z.optional(
    z.string().check(z.refine(isOrgNumber, 'must be a Swedish organisation number such as 556012-5790: ten digits, the last a check digit')),
  ),
  kind: z.optional(z.enum(supplierKinds)),
  /** Share of those working who are disabled or far from the labour market (0..1). */
  disadvantagedShare: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  /** The supplier as a legal entity has social and professional integration as its main purpose (4 kap. 18 §). */
  mainPurposeIntegration: z.optional(z.boolean()),
  publicServiceMission: z.optional(z.boolean()),
  reinvestsProfits: z.optional(z.boolean()),
  participatoryOwnership: z.optional(z.boolean()),
  awardedSameServiceLast3Years: z.optional(z.boolean()),
  ideaburenRegistered: z.optional(z.boolean()),
  /** No value transfers except to other idéburna organisationer or to research (19 kap. 25 a §). */
  noValueTransfers: z.optional(z.boolean()),
  /** No state, region or kommun has legally decisive influence over the organisation (19 kap. 25 a §). */
  noPublicControl: z.optional(z.boolean()),
  /** The idéburen organisation's public-benefit purpose helps fulfil the purpose of the service (19 kap. 25 a §). */
  purposeLinkedToService: z.optional(z.boolean()),
});

export const contractSchema = z.strictObject({
  /** Contract term including extensions, in years. */
  years: z.optional(z.number().check(z.positive(), z.maximum(50))),
  /** The authority requires the contract to be performed within a programme for sheltered employment (4 kap. 18 §, second limb). */
  shelteredEmploymentProgramme: z.optional(z.boolean()),
});

export const partnershipSchema = z.strictObject({
  paymentForService: z.optional(z.boolean()),
  ownInitiative: z.optional(z.boolean()),
  ownContribution: z.optional(z.boolean()),
  commonGoal: z.optional(z.boolean()),
  commercialMarket: z.optional(z.boolean()),
});

export const answersSchema = z.strictObject({
  organisation: organisationSchema,
  decisionDate: isoDateSchema,
  /** A state agency or a kommun/region; for a chosen kommun, region or state agency the rule set knows which. */
  authorityKind: z.optional(z.enum(authorityKinds)),
  purchase: z.optional(purchaseSchema),
  value: z.optional(valueSchema),
  supplier: z.optional(supplierSchema),
  contract: z.optional(contractSchema),
  partnership: z.optional(partnershipSchema),
});

export type Answers = z.infer<typeof answersSchema>;
