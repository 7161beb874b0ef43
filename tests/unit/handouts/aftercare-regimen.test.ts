// Day-by-day aftercare data and its merge: every treatment has a care profile, recovery never gets stricter as the
// weeks pass, the texts say every level in all ten languages, and treatments sharing a day give one regimen with
// the strictest instruction of each topic.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aftercareRegimens,
  CARE_TOPICS,
  combinedRegimen,
  regimensSchema,
  strictest,
  type Care,
} from '../../../src/main/handouts/kinds/aftercare-regimen';
import { treatmentDays } from '../../../src/main/handouts/kinds/aftercare';
import { TREATMENT_IDS } from '../../../src/shared/domain/catalog/catalog-schema';
import { SUPPORTED_LANGUAGES } from '../../../src/shared/domain/intake/vocabulary';

const regimens = aftercareRegimens();
const rank = (topic: (typeof CARE_TOPICS)[number], level: string) => regimens.levels[topic].indexOf(level);

describe('aftercare regimens', () => {
  it('give every treatment a profile with every phase and topic at a known level, marked as clinical practice', () => {
    expect(regimens.source).toBe('clinical-practice');
    expect(Object.keys(regimens.treatments).sort()).toEqual([...TREATMENT_IDS].sort());
    expect(regimens.phases.map((p) => [p.fromDay, p.toDay])).toEqual([
      [1, 3],
      [4, 7],
      [8, 14],
      [15, 84],
    ]);
    const broken = structuredClone(regimens) as { profiles: Record<string, Record<string, Record<string, string>>> };
    broken.profiles.laser!.d1!.alcohol = 'a little';
    expect(regimensSchema.safeParse(broken).success).toBe(false);
  });

  it('never get stricter as recovery goes on', () => {
    for (const [name, profile] of Object.entries(regimens.profiles)) {
      regimens.phases.slice(1).forEach((phase, i) => {
        const before = profile[regimens.phases[i]!.id]!;
        for (const topic of CARE_TOPICS)
          expect(rank(topic, profile[phase.id]![topic]), `${name} ${phase.id} ${topic}`).toBeLessThanOrEqual(rank(topic, before[topic]));
      });
    }
  });

  it('have a text for every level of every topic in all ten languages, with SPF 50+ wherever sunscreen is named', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      const words = JSON.parse(
        readFileSync(join(import.meta.dirname, '..', '..', '..', 'resources', 'locales', language, 'handout.json'), 'utf8'),
      ) as {
        aftercare: { topics: Record<string, Record<string, string>>; backToUsual: string };
      };
      for (const topic of CARE_TOPICS)
        expect(Object.keys(words.aftercare.topics[topic]!).sort(), `${language} ${topic}`).toEqual([...regimens.levels[topic]].sort());
      for (const text of Object.values(words.aftercare.topics.sun!)) expect(text).toContain('SPF 50+');
      expect(words.aftercare.backToUsual).toContain('SPF 50+');
    }
  });
});

describe('one regimen for treatments done the same day', () => {
  const care = (levels: Partial<Care>): Care => ({
    skin: 'usual',
    sun: 'daily',
    makeup: 'ok',
    heat: 'ok',
    swimming: 'ok',
    alcohol: 'ok',
    flying: 'ok',
    ...levels,
  });

  it('takes the stricter instruction of each topic, whichever treatment it comes from', () => {
    const merged = strictest(regimens.levels, [
      care({ skin: 'healing', makeup: 'light' }),
      care({ makeup: 'none', flying: 'care' }),
      care({ alcohol: 'avoid' }),
    ]);
    expect(merged).toEqual(care({ skin: 'healing', makeup: 'none', flying: 'care', alcohol: 'avoid' }));
    expect(() => strictest(regimens.levels, [])).toThrow();
  });

  it('a CO2 laser and a filler on one day: the laser rules the skin and flying, both keep alcohol away', () => {
    const [days1to3, days4to7, week2] = combinedRegimen(regimens, ['ha-filler', 'fractional-co2']);
    expect(days1to3!.care).toEqual(
      care({ skin: 'healing', sun: 'avoid', makeup: 'none', heat: 'avoid', swimming: 'avoid', alcohol: 'avoid', flying: 'ask' }),
    );
    expect(days4to7!.care.flying).toBe('care');
    expect(week2!.care.makeup).toBe('light');
    // The filler alone would allow light make-up on days 1-3: the merge is what forbids it.
    expect(combinedRegimen(regimens, ['ha-filler'])[0]!.care.makeup).toBe('light');
  });

  it('groups the sessions by treatment day, each undated treatment on its own', () => {
    expect(
      treatmentDays([
        { treatment: 'ha-filler', date: '2027-01-10' },
        { treatment: 'pico-laser', date: '2027-01-09' },
        { treatment: 'fractional-co2', date: '2027-01-10' },
        { treatment: 'ha-filler', date: '2027-01-10' },
        { treatment: 'ipl', date: null },
      ]),
    ).toEqual([
      { date: '2027-01-09', treatments: ['pico-laser'] },
      { date: '2027-01-10', treatments: ['ha-filler', 'fractional-co2'] },
      { date: null, treatments: ['ipl'] },
    ]);
  });
});
