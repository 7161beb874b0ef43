import { describe, expect, it } from 'vitest';
import { followUpMessage, MESSENGER_LINK_HOSTS, messengerLink } from '../../../src/shared/domain/messages/follow-up-message';
import { isAllowedExternalUrl } from '../../../src/main/electron/secure-web-preferences';

const input = {
  patientName: 'Lim Mei Ling',
  clinicName: 'Seoul Glow Dermatology',
  ask: { en: 'How does the skin feel?', ko: '피부 상태는 어떠신가요?' },
  photos: ['front', 'profile90'] as const,
};

describe('follow-up messages', () => {
  it('greets, asks the step’s question and requests the step’s photos, in English or Korean', () => {
    const en = followUpMessage(input, 'en');
    expect(en).toContain('Hello Lim Mei Ling, this is Seoul Glow Dermatology.');
    expect(en).toContain('How does the skin feel?');
    expect(en).toContain('(from the front, from the side (90°))');
    const ko = followUpMessage(input, 'ko');
    expect(ko).toContain('Lim Mei Ling님');
    expect(ko).toContain('(정면, 측면(90도))');
    expect(followUpMessage({ ...input, photos: [] }, 'en')).not.toContain('photos');
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
