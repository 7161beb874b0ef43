// A follow-up as a message the coordinator sends on the patient's messenger, in the patient's language (Korean
// or English for now; the handout work brings the other eight), and the messenger's own link where it has one.
import type { MessengerKind } from '../intake/vocabulary';

export type MessageLanguage = 'ko' | 'en';

export interface FollowUpMessageInput {
  readonly patientName: string;
  readonly clinicName: string;
  readonly ask: { readonly ko: string; readonly en: string };
  readonly photos: readonly ('front' | 'oblique45' | 'profile90')[];
}

const PHOTO_WORDS: Record<MessageLanguage, Record<'front' | 'oblique45' | 'profile90', string>> = {
  en: { front: 'from the front', oblique45: 'at 45°', profile90: 'from the side (90°)' },
  ko: { front: '정면', oblique45: '45도', profile90: '측면(90도)' },
};

export function followUpMessage(input: FollowUpMessageInput, language: MessageLanguage): string {
  const photos = input.photos.map((angle) => PHOTO_WORDS[language][angle]);
  if (language === 'ko') {
    return [
      `${input.patientName}님, 안녕하세요. ${input.clinicName}입니다.`,
      input.ask.ko,
      photos.length > 0 ? `가능하시면 밝은 곳에서 찍은 얼굴 사진(${photos.join(', ')})을 보내 주세요.` : '',
      '불편한 점이 있으면 언제든 답장 주세요.',
    ].filter(Boolean).join('\n');
  }
  return [
    `Hello ${input.patientName}, this is ${input.clinicName}.`,
    input.ask.en,
    photos.length > 0 ? `If you can, please send photos of your face in good light (${photos.join(', ')}).` : '',
    'Reply any time if anything worries you.',
  ].filter(Boolean).join('\n');
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
