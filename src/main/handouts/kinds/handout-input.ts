// What every handout is made from: the patient, the plan, the clinic's settings, the clinical content and the
// moment it is made. Each handout kind is a pure function of this and a language.
import type { Catalog, TreatmentId } from '../../../shared/domain/catalog/catalog-schema';
import type { FollowUpSchedule } from '../../../shared/domain/followups/followup-schedule';
import type { PatientIntake } from '../../../shared/domain/intake/patient-schema';
import type { LanguageTag } from '../../../shared/domain/intake/vocabulary';
import { CLINIC_TIME_ZONE, todayIn } from '../../../shared/domain/intake/calendar-date';
import { evaluatePlan } from '../../../shared/domain/plan/evaluate-plan';
import { plannedSessions, plannedTreatments } from '../../../shared/domain/plan/plan-parts';
import type { Plan } from '../../../shared/domain/plan/plan-schema';
import type { Rule } from '../../../shared/domain/rules/rule-schema';
import type { ClinicSettings } from '../../../shared/domain/settings/clinic-settings';
import type { Block, Slot } from '../layout/handout-blocks';
import type { LanguageTexts } from '../texts/handout-texts';

export const HANDOUT_KINDS = ['aftercare', 'precare', 'plan', 'consent', 'followup'] as const;
export type HandoutKind = (typeof HANDOUT_KINDS)[number];

export interface HandoutInput {
  readonly patient: PatientIntake;
  readonly plan: Plan;
  readonly settings: ClinicSettings;
  readonly catalog: Catalog;
  readonly rules: readonly Rule[];
  readonly followUps: FollowUpSchedule;
  readonly now: Date;
  /** The quote version the patient holds, when this plan's quote was marked as sent (the plan handout prints it). */
  readonly quoteVersion?: { readonly version: number; readonly sentOn: string } | null;
}

/** Dates, times and money written the way a reader of the language expects. */
export interface Formats {
  /** A calendar date (YYYY-MM-DD), e.g. "24 November 2026" / "2026년 11월 24일". */
  date(date: string): string;
  /** An instant on a given clock, with the time. */
  dateTime(instant: string, timeZone: string): string;
  money(amount: bigint, currency: string): string;
}

export interface KindContent {
  readonly blocks: readonly Block[];
  /** Words every page repeats (a draft's "DRAFT – not for signature"): the start and end of a document are not
   * enough when a page can be read, copied or handed on alone. */
  readonly mark?: string;
}

export interface BuildOptions {
  /** Asked for as a draft (a plan and quote while a price is missing). */
  readonly draft: boolean;
}

export type BuildKind = (input: HandoutInput, texts: LanguageTexts, formats: Formats, options: BuildOptions) => KindContent;

export const one = (text: string, texts: LanguageTexts): Slot => [{ text, lang: texts.language }];

/** The treatments of the sessions that will happen (this trip and a next visit; never a cancelled one), in the
 * order they first appear: the plan's parts decide, as on screen and in the quote. */
export const planTreatments = (input: HandoutInput): TreatmentId[] => plannedTreatments(input.plan.items);

/** The sessions that will happen: a cancelled one is on no patient's sheet. */
export const plannedItems = (input: HandoutInput) => plannedSessions(input.plan.items);

export const treatmentOf = (input: HandoutInput, id: TreatmentId) => input.catalog.find((treatment) => treatment.id === id)!;

/** "3-7", or the single number when both ends agree. */
export const range = ({ min, max }: { readonly min: number; readonly max: number }): string =>
  min === max ? String(min) : `${min}-${max}`;

export type { LanguageTag };

/** The plan's quote as the plan screen shows it on the handout's day: what the plan handout prints, and what decides
 * whether it may be final. */
export const handoutQuote = (input: HandoutInput) =>
  evaluatePlan(input.patient, input.plan, input.catalog, input.rules, input.settings, todayIn(CLINIC_TIME_ZONE, input.now)).quote;
