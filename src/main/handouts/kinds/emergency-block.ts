// The emergency block: Korea's 119, 1339 and 1345, then the clinic's contacts, kept on one page as one unit (a
// patient in trouble must not turn the page to find the rest of the numbers). On every aftercare sheet and on
// the follow-up card.
import type { Block } from '../layout/handout-blocks';
import type { LanguageTexts } from '../texts/handout-texts';
import { clinicContactList } from './clinic-contact';
import { one, type HandoutInput } from './handout-input';

export function emergencyBlock(input: HandoutInput, texts: LanguageTexts): Block[] {
  const words = texts.handout.followup;
  return keptTogether([
    { type: 'heading', level: 2, text: one(words.emergencyTitle, texts) },
    { type: 'list', marker: 'bullet', items: [one(words.e119, texts), one(words.e1339, texts), one(words.e1345, texts)] },
    ...clinicContactList(input, texts),
  ]);
}

/** Blocks that go on one page together: each keeps with the next, the last keeps itself whole. */
export function keptTogether(blocks: readonly Block[]): Block[] {
  return blocks.map((block, index): Block => ({ ...block, keep: index < blocks.length - 1 ? 'with-next' : 'together' }));
}
