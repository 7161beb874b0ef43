// One handout as a PDF: a kind, in the patient's language alone or bilingual with Korean (each block in the
// patient's language, then Korean, kept on one page). The entry point the service, the CLI, the worker pool and
// the tests share.
import { CLINIC_TIME_ZONE, todayIn } from '../../shared/domain/intake/calendar-date';
import type { LanguageTag } from '../../shared/domain/intake/vocabulary';
import { bilingual, type Block, type Slot } from './layout/handout-blocks';
import { drawHandout } from './layout/draw-handout';
import { buildAftercare } from './kinds/aftercare';
import { buildConsentSummary } from './kinds/consent-summary';
import { buildFollowUpCard } from './kinds/followup-card';
import { formatsFor } from './kinds/formats';
import type { BuildKind, HandoutInput, HandoutKind } from './kinds/handout-input';
import { buildPlanQuote } from './kinds/plan-quote';
import { buildPrecare } from './kinds/precare';
import { fill, languageTexts, type LanguageTexts } from './texts/handout-texts';

export interface HandoutRequest {
  readonly kind: HandoutKind;
  readonly language: LanguageTag;
  /** Korean beside the patient's language (ignored for a Korean handout). */
  readonly bilingual: boolean;
  /** A plan and quote not final (a price to be confirmed): marked as a draft on every page. A consent summary
   * decides for itself (an open screening question makes it a draft). */
  readonly draft?: boolean;
}

const BUILDERS: Record<HandoutKind, BuildKind> = {
  aftercare: buildAftercare,
  precare: buildPrecare,
  plan: buildPlanQuote,
  consent: buildConsentSummary,
  followup: buildFollowUpCard,
};

export interface HandoutContent {
  readonly blocks: readonly Block[];
  readonly languages: readonly LanguageTexts[];
  /** What every page repeats (a draft's mark), in each language, or null. */
  readonly mark: Slot | null;
}

export function handoutBlocks(input: HandoutInput, request: HandoutRequest): HandoutContent {
  const build = (language: LanguageTag) => {
    const texts = languageTexts(language, input.catalog, input.rules);
    return { texts, ...BUILDERS[request.kind](input, texts, formatsFor(language), { draft: request.draft === true }) };
  };
  const markOf = (...built: readonly ReturnType<typeof build>[]): Slot | null =>
    built[0]!.mark === undefined ? null : built.map(({ texts, mark }) => ({ text: mark ?? '', lang: texts.language }));
  const patient = build(request.language);
  if (!request.bilingual || request.language === 'ko') return { blocks: patient.blocks, languages: [patient.texts], mark: markOf(patient) };
  const korean = build('ko');
  return { blocks: bilingual(patient.blocks, korean.blocks), languages: [patient.texts, korean.texts], mark: markOf(patient, korean) };
}

export async function makeHandout(input: HandoutInput, request: HandoutRequest): Promise<Buffer> {
  const { blocks, languages, mark } = handoutBlocks(input, request);
  const slot = (text: (texts: LanguageTexts) => string): Slot => languages.map((texts) => ({ text: text(texts), lang: texts.language }));
  const today = todayIn(CLINIC_TIME_ZONE, input.now);
  return drawHandout(
    {
      language: request.language,
      title: slot((texts) => texts.handout.title[request.kind]),
      subtitle: slot((texts) => fill(texts.handout.common.issued, { date: formatsFor(texts.language).date(today) })),
      clinicName: input.settings.clinicName,
      logo: input.settings.logo ? Buffer.from(input.settings.logo.slice(input.settings.logo.indexOf(',') + 1), 'base64') : null,
      patientNative: { text: input.patient.names.native, lang: input.patient.languages[0] ?? request.language },
      patientLatin: input.patient.names.latin,
      disclaimer: slot((texts) => texts.handout.common.disclaimer),
      pageLabel: (page, pages) => slot((texts) => fill(texts.handout.common.page, { page, pages })),
      createdAt: input.now,
      mark,
    },
    blocks,
  );
}
