import { lazy, Suspense, useEffect, useRef } from 'react';
import { browserRuleset } from '../../rules-data/browser-ruleset';
import { useI18n } from '../../i18n/i18n';
import { DraftToolbar } from './draft-toolbar';
import { ProgressNav } from './progress-nav';
import { ReviewStep } from './review-step';
import { StepForm } from './step-form';
import { stepTitles } from '../../guide/step-titles';
import { isQuestionStep, type StepId } from '../../guide/steps';
import { useStepAddress } from './use-step-address';
import { VerdictBar, VerdictPanel } from './verdict-panel';
import { useGeneration, useStep, WizardProvider } from './wizard-provider';

// The recommendation page and the decision document are needed only at the end, so they load then:
// fetched while the procurer reviews the answers, they are there when asked for.
const loadRecommendationPage = () => import('./recommendation-page');
const RecommendationPage = lazy(() => loadRecommendationPage().then((m) => ({ default: m.RecommendationPage })));

function WizardSteps() {
  const { t } = useI18n();
  const step = useStep() as StepId;
  const generation = useGeneration();
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  useStepAddress();
  // Moving to a new step puts the keyboard and screen-reader focus on its heading (not on first load).
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    heading.current?.focus();
  }, [step]);
  useEffect(() => {
    if (step === 'review') void loadRecommendationPage();
  }, [step]);
  return (
    <div className={`wizard wizard--${step}`}>
      {step !== 'recommendation' ? <VerdictBar /> : null}
      <ProgressNav />
      <section className="wizard__step" aria-labelledby="step-heading">
        <h2 id="step-heading" ref={heading} tabIndex={-1}>
          {t(stepTitles[step])}
        </h2>
        {isQuestionStep(step) ? <StepForm key={`${step}-${generation}`} step={step} /> : step === 'review' ? (
          <ReviewStep />
        ) : (
          <Suspense fallback={<p role="status">{t({ sv: 'Laddar rekommendationen…', en: 'Loading the recommendation…' })}</p>}>
            <RecommendationPage />
          </Suspense>
        )}
        <DraftToolbar />
      </section>
      {step !== 'recommendation' ? <VerdictPanel /> : null}
    </div>
  );
}

/** The wizard: from "I need to buy X" to a decision document. */
export function WizardPage() {
  return (
    <WizardProvider ruleset={browserRuleset}>
      <WizardSteps />
    </WizardProvider>
  );
}
