// The clinic's contact lines (phone, messenger, email, address) as a list, skipping the ones the clinic has not
// filled in. Shared by the aftercare sheet and the follow-up card.
import type { Block } from '../layout/handout-blocks';
import type { LanguageTexts } from '../texts/handout-texts';
import { one, type HandoutInput } from './handout-input';

export function clinicContactList(input: HandoutInput, texts: LanguageTexts): Block[] {
  const { contact, clinicName } = input.settings;
  const words = texts.handout.common;
  const lines = [
    [words.phone, contact.phone],
    [words.messenger, contact.messenger],
    [words.email, contact.email],
    [words.address, contact.address],
  ].filter(([, value]) => value !== '');
  return [
    { type: 'paragraph', text: one(clinicName, texts), tone: 'strong' },
    ...(lines.length > 0
      ? [{ type: 'list' as const, marker: 'bullet' as const, items: lines.map(([label, value]) => one(`${label}: ${value}`, texts)) }]
      : []),
  ];
}
