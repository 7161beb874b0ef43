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
  /** A plan and quote not final (a price to be confirmed): marked as a draft on every page. */
  readonly draft?: boolean;
}

const BUILDERS: Record<HandoutKind, BuildKind> = {
  aftercare: buildAftercare,
  precare: buildPrecare,
  plan: buildPlanQuote,
  consent: buildConsentSummary,
  followup: buildFollowUpCard,
};

export function handoutBlocks(input: HandoutInput, request: HandoutRequest): { blocks: readonly Block[]; languages: readonly LanguageTexts[] } {
  const build = (language: LanguageTag) => {
    const texts = languageTexts(language, input.catalog, input.rules);
    return { texts, blocks: BUILDERS[request.kind](input, texts, formatsFor(language)).blocks };
  };
  const patient = build(request.language);
  if (!request.bilingual || request.language === 'ko') return { blocks: patient.blocks, languages: [patient.texts] };
  const korean = build('ko');
  return { blocks: bilingual(patient.blocks, korean.blocks), languages: [patient.texts, korean.texts] };
}

export async function makeHandout(input: HandoutInput, request: HandoutRequest): Promise<Buffer> {
  const { blocks, languages } = handoutBlocks(input, request);
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
      mark: request.draft ? slot((texts) => texts.handout.plan.draftMark) : null,
    },
    blocks,
  );
}
