// A key used in the renderer but missing from a language would show the raw key on screen; this makes it a
// failing test instead.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../src/renderer/src/i18n/en.json';
import ko from '../../../src/renderer/src/i18n/ko.json';
import {
  ALLERGIES,
  CONSENT_KINDS,
  MESSENGERS,
  PHOTO_ANGLES,
  SCREENING_DATES,
  SCREENING_FLAGS,
  SEXES,
  SKIN_CONCERNS,
  REFERRAL_ROUTES,
  SUPPORTED_LANGUAGES,
  TRIP_STATUSES,
} from '../../../src/shared/domain/intake/vocabulary';
import { ISSUE_MESSAGES } from '../../../src/shared/contract/issues';
import { AUDIT_ACTIONS } from '../../../src/shared/contract/audit';
import { FOLLOW_UP_OUTCOMES } from '../../../src/shared/contract/followups';
import { FOLLOW_UP_STATES } from '../../../src/shared/domain/followups/due-time';
import { SESSION_STATUSES } from '../../../src/shared/domain/plan/plan-schema';
import { KHIDI_GAPS } from '../../../src/shared/domain/reports/khidi-report';

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

const followUpSteps = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../resources/followups/schedule.json'), 'utf8')) as { steps: { id: string }[] }
).steps.map((step) => step.id);

const RENDERER = join(import.meta.dirname, '../../../src/renderer/src');
const sources = readdirSync(RENDERER, { recursive: true })
  .map(String)
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => readFileSync(join(RENDERER, file), 'utf8'));

/** Keys a component may ask for: its literal keys, plus the vocabularies it looks up with a template. */
const usedKeys = new Set<string>([
  ...sources.flatMap((source) => [...source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)].map((match) => match[1]!)),
  ...SUPPORTED_LANGUAGES.map((value) => `languages.${value}`),
  ...SEXES.map((value) => `sex.${value}`),
  ...MESSENGERS.map((value) => `messengers.${value}`),
  ...SKIN_CONCERNS.map((value) => `concerns.${value}`),
  ...[...SCREENING_FLAGS, ...SCREENING_DATES].map((value) => `screening.${value}`),
  ...ALLERGIES.map((value) => `allergies.${value}`),
  ...CONSENT_KINDS.map((value) => `consents.${value}`),
  ...PHOTO_ANGLES.map((value) => `photos.angles.${value}`),
  ...['all', ...TRIP_STATUSES].map((value) => `tripStatus.${value}`),
  ...followUpSteps.map((step) => `followups.steps.${step}`),
  ...FOLLOW_UP_STATES.map((value) => `followups.state.${value}`),
  ...FOLLOW_UP_OUTCOMES.map((value) => `followups.outcomes.${value}`),
  ...SESSION_STATUSES.map((value) => `week.status.${value}`),
  ...REFERRAL_ROUTES.map((value) => `referral.routes.${value}`),
  ...KHIDI_GAPS.map((value) => `reports.khidi.gaps.${value}`),
  'intake.sections.referral',
  ...AUDIT_ACTIONS.map((value) => `audit.actions.${value}`),
]);

/** i18next plural forms: t('list.count', {count}) reads list.count_one / list.count_other. */
const present = (keys: string[], key: string) => keys.includes(key) || keys.includes(`${key}_other`);

describe('UI text', () => {
  const enKeys = keysOf(en);
  const koKeys = keysOf(ko);

  it('has the same keys in Korean and English', () => {
    expect(koKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
    expect(enKeys.filter((key) => !koKeys.includes(key))).toEqual([]);
  });

  it('has every key the screens use, in both languages', () => {
    expect(usedKeys.size).toBeGreaterThan(50);
    expect([...usedKeys].filter((key) => !present(enKeys, key))).toEqual([]);
    expect([...usedKeys].filter((key) => !present(koKeys, key))).toEqual([]);
  });

  it('has no empty text', () => {
    const empty = (tree: object) => keysOf(tree).filter((key) => key.split('.').reduce<any>((node, part) => node[part], tree) === '');
    expect(empty(en)).toEqual([]);
    expect(empty(ko)).toEqual([]);
  });

  it('has a Korean and an English message for every field error', () => {
    for (const [code, text] of Object.entries(ISSUE_MESSAGES)) {
      expect(text.en, code).not.toBe('');
      expect(text.ko, code).toMatch(/[가-힣]/);
    }
  });
});
