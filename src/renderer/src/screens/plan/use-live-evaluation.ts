// Live checks: shortly after each change the plan is evaluated again by the services (rules, schedule, quote,
// consent). Only the answer to the latest plan is shown; an answer to an older plan that arrives late is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../shared/contract';
import type { PlanEvaluation } from '../../../../shared/domain/plan/evaluate-plan';
import type { Plan } from '../../../../shared/domain/plan/plan-schema';
import { api } from '../../api/client';
import { planKey } from './plan-model';

export const EVALUATE_DELAY_MS = 150;

interface Evaluated {
  /** planKey of the plan this evaluation (or error) answers. */
  readonly key: string;
  readonly evaluation: PlanEvaluation | null;
  readonly error: AppError | null;
}

export function useLiveEvaluation(patientId: string, plan: Plan | null) {
  const [evaluated, setEvaluated] = useState<Evaluated | null>(null);
  const sequence = useRef(0);
  const key = plan ? planKey(plan) : null;
  const evaluatedKey = evaluated?.key ?? null;

  /** Takes an evaluation that came with another answer (load, schedule, save), cancelling any pending one. */
  const accept = useCallback((forPlan: Plan, evaluation: PlanEvaluation) => {
    sequence.current += 1;
    setEvaluated({ key: planKey(forPlan), evaluation, error: null });
  }, []);

  useEffect(() => {
    if (!plan || key === null || evaluatedKey === key) return;
    const ticket = ++sequence.current;
    const timer = window.setTimeout(() => {
      void api.evaluatePatientPlan({ patientId, plan }).then((result) => {
        if (ticket !== sequence.current) return;
        setEvaluated((previous) =>
          result.ok
            ? { key, evaluation: result.value, error: null }
            : { key, evaluation: previous?.evaluation ?? null, error: result.error },
        );
      });
    }, EVALUATE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [patientId, plan, key, evaluatedKey]);

  return {
    evaluation: evaluated?.evaluation ?? null,
    error: evaluated?.error ?? null,
    /** True while the checks on screen answer an older plan than the one being edited. */
    pending: key !== null && evaluatedKey !== key,
    accept,
  };
}
