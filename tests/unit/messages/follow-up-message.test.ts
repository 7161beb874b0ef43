import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  followUpMessage,
  messageLanguagesOf,
  MESSENGER_LINK_HOSTS,
  messengerLink,
} from '../../../src/shared/domain/messages/follow-up-message';
import { SUPPORTED_LANGUAGES } from '../../../src/shared/domain/intake/vocabulary';
import { isAllowedExternalUrl } from '../../../src/main/electron/secure-web-preferences';

const input = {
  patientName: 'Lim Mei Ling',
  clinicName: 'Seoul Glow Dermatology',
  step: 'day-3',
  ask: { en: 'How does the skin feel?', ko: '피부 상태는 어떠신가요?' },
  photos: ['front', 'profile90'] as const,
};

describe('follow-up messages', () => {
  it('greets, asks the step’s question and requests the step’s photos, in English or Korean', () => {
    const en = followUpMessage(input, 'en');
    expect(en).toContain('Hello Lim Mei Ling, this is Seoul Glow Dermatology.');
    expect(en).toContain('How does the skin feel three days after the flight?');
    expect(en).toContain('(from the front, from the side (90°))');
    const ko = followUpMessage(input, 'ko');
    expect(ko).toContain('Lim Mei Ling님');
    expect(ko).toContain('(정면, 측면(90도))');
    expect(followUpMessage({ ...input, photos: [] }, 'en')).not.toContain('photos');
  });

  it('writes the message in each of the ten languages from its locale file: greeting with the name, the step’s ask, the photos', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      const words = JSON.parse(
        readFileSync(join(import.meta.dirname, '../../../resources/locales', language, 'followups.json'), 'utf8'),
      ) as {
        steps: Record<string, { ask: string }>;
        message: { greeting: string; closing: string };
        angles: Record<string, string>;
      };
      for (const step of ['day-3', 'month-3']) {
        const text = followUpMessage({ ...input, step }, language);
        const greeting = words.message.greeting.replace('{{name}}', input.patientName).replace('{{clinic}}', input.clinicName);
        expect(text.split('\n')[0], language).toBe(greeting);
        expect(text, language).toContain(words.steps[step]!.ask);
        expect(text, language).toContain(words.angles.profile90!);
        expect(text, language).toContain(words.message.closing);
        expect(text, language).not.toContain('{{');
      }
    }
  });

  it('falls back to the schedule’s own ask for a step the locale files do not know, and offers only served languages', () => {
    expect(followUpMessage({ ...input, step: 'year-1' }, 'th')).toContain('How does the skin feel?');
    expect(followUpMessage({ ...input, step: 'year-1' }, 'ko')).toContain('피부 상태는 어떠신가요?');
    expect(messageLanguagesOf(['th', 'en', 'th'])).toEqual(['th', 'en']);
    expect(messageLanguagesOf(['xx'])).toEqual(['en']);
  });

  it('links to WhatsApp, Telegram and LINE chats, and to nothing for KakaoTalk and WeChat', () => {
    expect(messengerLink('whatsapp', '+66 81 234 5678', 'Hi & bye')).toBe('https://wa.me/66812345678?text=Hi%20%26%20bye');
    expect(messengerLink('telegram', '@aigerim_nur', 'x')).toBe('https://t.me/aigerim_nur');
    expect(messengerLink('line', 'kayan_wong', 'x')).toBe('https://line.me/ti/p/~kayan_wong');
    expect(messengerLink('kakaotalk', 'minji', 'x')).toBeNull();
    expect(messengerLink('wechat', 'wangfang_91', 'x')).toBeNull();
    expect(messengerLink('telegram', 'a b', 'x')).toBeNull();
  });

  it('the main process opens exactly those links, and nothing else', () => {
    expect(isAllowedExternalUrl('https://wa.me/66812345678?text=hi')).toBe(true);
    expect(isAllowedExternalUrl('https://t.me/aigerim_nur')).toBe(true);
    expect(isAllowedExternalUrl('http://wa.me/66812345678')).toBe(false);
    expect(isAllowedExternalUrl('https://wa.me.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://evil.example/?u=https://wa.me')).toBe(false);
    expect(MESSENGER_LINK_HOSTS.length).toBe(3);
  });
});
