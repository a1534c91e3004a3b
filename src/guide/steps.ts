/** The wizard's steps in order; the first five ask questions, the last two show and record the outcome. */
export const stepIds = ['organisation', 'purchase', 'value', 'supplier', 'partnership', 'review', 'recommendation'] as const;
export type StepId = (typeof stepIds)[number];

export const questionStepIds = ['organisation', 'purchase', 'value', 'supplier', 'partnership'] as const;
export type QuestionStepId = (typeof questionStepIds)[number];

export function isQuestionStep(step: StepId): step is QuestionStepId {
  return (questionStepIds as readonly string[]).includes(step);
}

/** The answer paths (src/engine/answers-schema.ts) each question step fills in. */
export const stepFields = {
  organisation: ['organisation', 'decisionDate', 'authorityKind'],
  purchase: [
    'purchase.description',
    'purchase.kind',
    'purchase.cpvCode',
    'purchase.annex2Service',
    'purchase.welfareService',
    'purchase.welfareReservationCode',
    'purchase.ideaburenReservationCode',
  ],
  value: ['value.annualSek', 'contract.years', 'value.optionsSek', 'value.similarPurchasesSek', 'value.totalSek'],
  supplier: [
    'supplier.name',
    'supplier.orgNumber',
    'supplier.kind',
    'supplier.disadvantagedShare',
    'supplier.mainPurposeIntegration',
    'contract.shelteredEmploymentProgramme',
    'supplier.publicServiceMission',
    'supplier.reinvestsProfits',
    'supplier.participatoryOwnership',
    'supplier.awardedSameServiceLast3Years',
    'supplier.ideaburenRegistered',
    'supplier.purposeLinkedToService',
    'supplier.noValueTransfers',
    'supplier.noPublicControl',
  ],
  partnership: [
    'partnership.paymentForService',
    'partnership.ownInitiative',
    'partnership.ownContribution',
    'partnership.commonGoal',
    'partnership.commercialMarket',
  ],
} as const satisfies Record<QuestionStepId, readonly string[]>;

export type FieldPath = (typeof stepFields)[QuestionStepId][number];

/**
 * Asked whatever the rules say: the basis of every verdict (who decides, when, what, how much, from whom),
 * the value helper's inputs and the free texts the decision document needs. Every other question is asked
 * only while its answer could still change a verdict (see relevance.ts).
 */
export const alwaysAsked: ReadonlySet<string> = new Set<string>([
  'organisation',
  'decisionDate',
  'purchase.description',
  'purchase.kind',
  'purchase.cpvCode',
  'value.annualSek',
  'contract.years',
  'value.optionsSek',
  'value.similarPurchasesSek',
  'value.totalSek',
  'supplier.name',
  'supplier.orgNumber',
  'supplier.kind',
]);
