// A follow-up as a message the coordinator sends on the patient's messenger, in any of the patient's languages
// (the ten of resources/locales/<lang>/followups.json), and the messenger's own link where it has one.
import { SUPPORTED_LANGUAGES, type LanguageTag, type MessengerKind } from '../intake/vocabulary';
import { FOLLOW_UP_WORDS } from './follow-up-words';

export type MessageLanguage = LanguageTag;

export interface FollowUpMessageInput {
  readonly patientName: string;
  readonly clinicName: string;
  /** The step id of resources/followups/schedule.json ("day-3"): its ask comes from the language's locale file. */
  readonly step: string;
  /** The schedule's own ask, used only for a step the locale files do not know yet (newer content). */
  readonly ask: { readonly ko: string; readonly en: string };
  readonly photos: readonly ('front' | 'oblique45' | 'profile90')[];
}

/** Fill {{placeholders}} (the i18next syntax of the locale files); an unknown one is left visible. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The step's question in the language, or the schedule's own (Korean or English) for a step the locale lacks. */
export function followUpAsk(step: string, ask: FollowUpMessageInput['ask'], language: MessageLanguage): string {
  return FOLLOW_UP_WORDS[language].steps[step]?.ask ?? (language === 'ko' ? ask.ko : ask.en);
}

/** The languages a message can be written in, of the patient's (in their order); English when none is served. */
export function messageLanguagesOf(languages: readonly string[]): readonly MessageLanguage[] {
  const served = languages.filter((tag): tag is MessageLanguage => (SUPPORTED_LANGUAGES as readonly string[]).includes(tag));
  return served.length > 0 ? [...new Set(served)] : ['en'];
}

export function followUpMessage(input: FollowUpMessageInput, language: MessageLanguage): string {
  const words = FOLLOW_UP_WORDS[language];
  const angles = input.photos.map((angle) => words.angles[angle]);
  // Chinese and Japanese list with the ideographic comma, Arabic with its own; the rest with ", ".
  const separator = language === 'ja' || language.startsWith('zh') ? '、' : language === 'ar' ? '، ' : ', ';
  return [
    fill(words.message.greeting, { name: input.patientName, clinic: input.clinicName }),
    followUpAsk(input.step, input.ask, language),
    angles.length > 0 ? fill(words.message.photos, { angles: angles.join(separator) }) : '',
    words.message.closing,
  ]
    .filter(Boolean)
    .join('\n');
}
/** The messenger's own "open a chat" link, where it has a public one; KakaoTalk and WeChat have none. */
export function messengerLink(kind: MessengerKind, handle: string, text: string): string | null {
  switch (kind) {
    case 'whatsapp': {
      const digits = handle.replace(/\D/g, '');
      return digits.length >= 7 ? `https://wa.me/${digits}?text=${encodeURIComponent(text)}` : null;
    }
    case 'telegram': {
      const user = handle.replace(/^@/, '');
      return /^[A-Za-z0-9_]{5,32}$/.test(user) ? `https://t.me/${user}` : null;
    }
    case 'line': {
      const id = handle.replace(/^@/, '');
      return /^[A-Za-z0-9._-]{1,40}$/.test(id) ? `https://line.me/ti/p/~${encodeURIComponent(id)}` : null;
    }
    default:
      return null;
  }
}

/** Hosts the main process lets shell.openExternal open: exactly the ones messengerLink makes. */
export const MESSENGER_LINK_HOSTS: readonly string[] = ['wa.me', 't.me', 'line.me'];
