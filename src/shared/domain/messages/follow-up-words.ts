// The follow-up steps' asks and the reminder message's words in all ten patient languages, from
// resources/locales/<lang>/followups.json, imported statically so the renderer (vite), the main process and the
// CLI read the same files. tests/unit/handouts/locale-files.test.ts keeps every language's keys the same as English.
import type { LanguageTag } from '../intake/vocabulary';
import ar from '../../../../resources/locales/ar/followups.json' with { type: 'json' };
import en from '../../../../resources/locales/en/followups.json' with { type: 'json' };
import ja from '../../../../resources/locales/ja/followups.json' with { type: 'json' };
import ko from '../../../../resources/locales/ko/followups.json' with { type: 'json' };
import mn from '../../../../resources/locales/mn/followups.json' with { type: 'json' };
import ru from '../../../../resources/locales/ru/followups.json' with { type: 'json' };
import th from '../../../../resources/locales/th/followups.json' with { type: 'json' };
import vi from '../../../../resources/locales/vi/followups.json' with { type: 'json' };
import zhHans from '../../../../resources/locales/zh-Hans/followups.json' with { type: 'json' };
import zhHant from '../../../../resources/locales/zh-Hant/followups.json' with { type: 'json' };

export interface FollowUpWords {
  readonly steps: Readonly<Record<string, { readonly label: string; readonly ask: string }>>;
  readonly message: { readonly greeting: string; readonly photos: string; readonly closing: string };
  readonly angles: { readonly front: string; readonly oblique45: string; readonly profile90: string };
}

export const FOLLOW_UP_WORDS: Readonly<Record<LanguageTag, FollowUpWords>> = {
  ko,
  en,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ja,
  th,
  vi,
  ru,
  mn,
  ar,
};
