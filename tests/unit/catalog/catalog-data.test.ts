// The treatment catalog data (resources/catalog/treatments.json): it passes the schema, it is complete and
// consistent, and the facts the seed articles state are in it as the seeds state them, attributed to them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  TREATMENT_IDS,
  catalogSchema,
  type Catalog,
  type Category,
  type Treatment,
  type TreatmentId,
} from '../../../src/shared/domain/catalog/catalog-schema';
import { seedFileOf } from '../../../src/shared/domain/citations/source';
import { SKIN_CONCERNS } from '../../../src/shared/domain/intake/vocabulary';

const LASER_TONING = '000_0389e218a6a15942.txt';
const ACNE_SCARS = '001_c6a7195fe076f43f.txt';
const GLASS_SKIN = '002_d65572b616b5df97.txt';
const SEEDS = [LASER_TONING, ACNE_SCARS, GLASS_SKIN];
/** The seed itself or one of its sections. */
const fromSeed = (file: string) => expect.stringMatching(new RegExp(`^${file.replace('.', '\\.')}(#.+)?$`));

const raw: unknown = JSON.parse(readFileSync(new URL('../../../resources/catalog/treatments.json', import.meta.url), 'utf8'));
const parsed = catalogSchema.safeParse(raw);
const catalog: Catalog = parsed.success ? parsed.data : [];

function get(id: TreatmentId): Treatment {
  const t = catalog.find((x) => x.id === id);
  if (!t) throw new Error(`no treatment ${id}`);
  return t;
}

const LISTS = ['preCare', 'aftercare', 'sideEffects', 'complications'] as const;
const SOURCED = [
  'purpose',
  'concerns',
  'course',
  'sessionMinutes',
  'downtimeDays',
  'anaesthesia',
  'priceKrw',
  ...LISTS,
  'alternatives',
] as const;
const en = (t: Treatment, list: (typeof LISTS)[number]) => t[list].items.map((i) => i.en).join('\n');
const ko = (t: Treatment, list: (typeof LISTS)[number]) => t[list].items.map((i) => i.ko).join('\n');
const HANGUL = /[\uac00-\ud7a3]/;

describe('treatment catalog: shape', () => {
  it('passes catalogSchema', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('holds every treatment id exactly once, in the order of TREATMENT_IDS', () => {
    expect(catalog.map((t) => t.id)).toEqual([...TREATMENT_IDS]);
  });

  it('cites only the three seed articles (or their sections), a named reference or clinical-practice', () => {
    for (const t of catalog) {
      for (const key of SOURCED) {
        const source = t[key].source;
        if (source === 'clinical-practice' || source.startsWith('ref: ')) continue;
        expect(SEEDS, `${t.id}.${key}`).toContain(seedFileOf(source));
      }
    }
  });

  it('names every alternative that exists, never the treatment itself, without repeats', () => {
    for (const t of catalog) {
      const alts = t.alternatives.value;
      expect(alts, t.id).not.toContain(t.id);
      expect(new Set(alts).size, t.id).toBe(alts.length);
      for (const a of alts) expect(TREATMENT_IDS, `${t.id} -> ${a}`).toContain(a);
    }
  });

  it('treats every skin concern of the intake with at least one treatment', () => {
    const treated = new Set(catalog.flatMap((t) => t.concerns.value));
    expect(SKIN_CONCERNS.filter((c) => !treated.has(c))).toEqual([]);
  });

  it('gives prices as integer won with min <= max, and only where a seed gives them', () => {
    for (const t of catalog) {
      const price = t.priceKrw.value;
      if (price === null) continue;
      expect(Number.isInteger(price.min) && Number.isInteger(price.max), t.id).toBe(true);
      expect(price.min, t.id).toBeLessThanOrEqual(price.max);
      expect(SEEDS, t.id).toContain(seedFileOf(t.priceKrw.source));
    }
  });

  it('writes every text in Korean and English, plain and short, 2-6 items a list', () => {
    for (const t of catalog) {
      // A Korean name may be Latin letters alone, as clinics write IPL; every other Korean text is in Hangul.
      const texts = [t.names, t.purpose.value, ...LISTS.flatMap((l) => t[l].items)];
      for (const text of texts) {
        if (text !== t.names) expect(text.ko, `${t.id}: ${text.en}`).toMatch(HANGUL);
        expect(text.en, `${t.id}: ${text.ko}`).not.toMatch(HANGUL);
        expect(text.en.length, `${t.id}: ${text.en}`).toBeLessThanOrEqual(200);
        expect(text.ko.trim()).toBe(text.ko);
        expect(text.en.trim()).toBe(text.en);
      }
      for (const l of LISTS) {
        expect(t[l].items.length, `${t.id}.${l}`).toBeGreaterThanOrEqual(2);
        expect(t[l].items.length, `${t.id}.${l}`).toBeLessThanOrEqual(6);
      }
    }
  });

  it('keeps ranges sensible: sessions at least 1, sessions of at least 10 minutes, a repeat interval when a course has more than one session', () => {
    for (const t of catalog) {
      expect(t.course.value.sessions.min, t.id).toBeGreaterThanOrEqual(1);
      expect(t.sessionMinutes.value.min, t.id).toBeGreaterThanOrEqual(10);
      if (t.course.value.sessions.max > 1) expect(t.course.value.minIntervalDays, t.id).toBeGreaterThan(0);
    }
  });

  it('agrees between anaesthesia and the topical-anaesthesia tag', () => {
    for (const t of catalog) {
      if (t.anaesthesia.value === 'topical') expect(t.tags, t.id).toContain('topical-anaesthesia');
      if (t.tags.includes('topical-anaesthesia')) expect(['topical', 'local'], t.id).toContain(t.anaesthesia.value);
      expect(new Set(t.tags).size, t.id).toBe(t.tags.length);
    }
  });
});

describe('treatment catalog: categories and tags', () => {
  const byCategory: Record<Category, TreatmentId[]> = {
    laser: ['laser-toning', 'pico-laser', 'fraxel', 'fractional-co2', 'erbium-laser'],
    light: ['ipl', 'led-therapy'],
    needling: ['microneedling', 'rf-microneedling'],
    injection: ['prp', 'ha-filler', 'steroid-injection', 'rejuran-healer', 'water-shine', 'exosome'],
    peel: ['chemical-peel', 'tca-cross'],
    facial: ['aqua-peel', 'hydrafacial', 'microdermabrasion'],
    iv: ['glutathione-iv'],
    hifu: ['ultherapy', 'shurink', 'doublo-gold'],
    surgical: ['subcision'],
  };

  it.each(CATEGORIES)('puts the %s treatments in their category', (category) => {
    expect(
      catalog
        .filter((t) => t.category === category)
        .map((t) => t.id)
        .sort(),
    ).toEqual([...byCategory[category]].sort());
  });

  const withTag = (tag: Treatment['tags'][number]) =>
    catalog
      .filter((t) => t.tags.includes(tag))
      .map((t) => t.id)
      .sort();

  it('tags ablative exactly fractional CO2 and erbium, and resurfacing the fractional lasers and TCA CROSS', () => {
    expect(withTag('ablative')).toEqual(['erbium-laser', 'fractional-co2']);
    expect(withTag('resurfacing')).toEqual(['erbium-laser', 'fractional-co2', 'fraxel', 'tca-cross']);
    expect(withTag('deep-peel')).toEqual(['tca-cross']);
    expect(get('chemical-peel').tags).not.toContain('deep-peel');
  });

  it('tags the product facts: salmon PN, hyaluronic acid, boosters', () => {
    expect(withTag('salmon-pn')).toEqual(['rejuran-healer']);
    expect(withTag('hyaluronic-acid')).toEqual(['ha-filler', 'water-shine']);
    expect(withTag('booster')).toEqual(['exosome', 'prp', 'rejuran-healer', 'water-shine']);
  });

  it('tags how deep each energy treatment wounds: one of fully, fractional or non-ablative, LED light none', () => {
    // Seed 001 calls erbium "a gentler resurfacing option" without saying fractional: tagged as the full-field
    // resurfacing it describes, the stricter reading for the isotretinoin rules.
    expect(withTag('fully-ablative')).toEqual(['erbium-laser']);
    expect(withTag('fractional-ablative')).toEqual(['fractional-co2']);
    expect(withTag('non-ablative')).toEqual([
      'doublo-gold',
      'fraxel',
      'ipl',
      'laser-toning',
      'pico-laser',
      'rf-microneedling',
      'shurink',
      'ultherapy',
    ]);
    for (const t of catalog) {
      const depth = t.tags.filter((tag) => ['fully-ablative', 'fractional-ablative', 'non-ablative'].includes(tag));
      expect(depth.length, t.id).toBe(t.tags.includes('energy') && t.id !== 'led-therapy' ? 1 : 0);
    }
  });

  it('tags lidocaine-premixed on HA filler, as it is commonly sold', () => {
    expect(withTag('lidocaine-premixed')).toEqual(['ha-filler']);
  });

  it('tags energy on every laser, light and HIFU treatment and RF microneedling, and nothing else', () => {
    const energy = catalog.filter((t) => ['laser', 'light', 'hifu'].includes(t.category)).map((t) => t.id);
    expect(withTag('energy')).toEqual([...energy, 'rf-microneedling'].sort());
  });

  it('tags needle on every treatment that breaks the skin with a needle, and injectable where a product goes in', () => {
    expect(withTag('needle')).toEqual(
      [
        'microneedling',
        'rf-microneedling',
        'prp',
        'subcision',
        'ha-filler',
        'steroid-injection',
        'rejuran-healer',
        'water-shine',
        'glutathione-iv',
        'exosome',
      ].sort(),
    );
    expect(withTag('injectable')).toEqual(
      ['prp', 'ha-filler', 'steroid-injection', 'rejuran-healer', 'water-shine', 'glutathione-iv', 'exosome'].sort(),
    );
  });
});

describe('treatment catalog: facts from 002 (glass-skin guide)', () => {
  const prices: Partial<Record<TreatmentId, [number, number]>> = {
    'rejuran-healer': [300_000, 700_000],
    'water-shine': [200_000, 500_000],
    'pico-laser': [100_000, 300_000],
    'aqua-peel': [50_000, 100_000],
    hydrafacial: [100_000, 200_000],
    exosome: [400_000, 900_000],
    ipl: [80_000, 250_000],
    fraxel: [400_000, 800_000],
  };

  it.each(TREATMENT_IDS)('prices %s only as 002 does', (id) => {
    const expected = prices[id];
    const t = get(id);
    if (expected) {
      expect(t.priceKrw).toEqual({ value: { min: expected[0], max: expected[1] }, source: fromSeed(GLASS_SKIN) });
    } else {
      expect(t.priceKrw.value).toBeNull();
    }
  });

  const downtimes: Partial<Record<TreatmentId, [number, number]>> = {
    'rejuran-healer': [1, 3],
    'water-shine': [1, 2],
    'pico-laser': [0, 1],
    'aqua-peel': [0, 0],
    hydrafacial: [0, 0],
    exosome: [1, 3],
    fraxel: [3, 7],
  };

  it.each(Object.entries(downtimes))('gives %s the downtime of 002', (id, [min, max]) => {
    expect(get(id as TreatmentId).downtimeDays).toEqual({ value: { min, max }, source: fromSeed(GLASS_SKIN) });
  });

  it('never gives the ablative lasers less downtime than 002 gives fractional resurfacing', () => {
    for (const id of ['fractional-co2', 'erbium-laser'] as const) {
      expect(get(id).downtimeDays.value.min).toBeGreaterThanOrEqual(3);
      expect(get(id).downtimeDays.value.max).toBeGreaterThanOrEqual(7);
    }
  });

  it('says Rejuran is salmon DNA and asks about fish allergy; Water-shine is hyaluronic acid', () => {
    const rejuran = get('rejuran-healer');
    expect(rejuran.purpose).toMatchObject({ source: fromSeed(GLASS_SKIN) });
    expect(rejuran.purpose.value.en).toMatch(/salmon DNA/);
    expect(rejuran.purpose.value.ko).toMatch(/연어 DNA/);
    expect(en(rejuran, 'preCare')).toMatch(/fish allergy/);
    expect(get('water-shine').purpose.value.en).toMatch(/hyaluronic acid/);
  });

  it('gives glutathione by IV', () => {
    const t = get('glutathione-iv');
    expect(t.category).toBe('iv');
    expect(t.purpose.value.en).toMatch(/vein/);
  });

  it('gives injectable boosters the bumps and bruising of 1-3 days', () => {
    for (const id of ['rejuran-healer', 'water-shine', 'exosome'] as const) {
      const t = get(id);
      expect(seedFileOf(t.sideEffects.source)).toBe(GLASS_SKIN);
      expect(en(t, 'sideEffects')).toMatch(/bumps.*1-3 days/);
      expect(en(t, 'sideEffects')).toMatch(/Bruising/);
    }
  });

  it('uses the pre-treatment checklist of 002: sun 2 weeks, retinoids 1 week, medicines and allergies, alcohol and smoking 24-48 hours', () => {
    for (const id of ['pico-laser', 'ipl', 'fraxel', 'rejuran-healer', 'water-shine', 'exosome', 'laser-toning'] as const) {
      const t = get(id);
      expect(seedFileOf(t.preCare.source), id).toBe(GLASS_SKIN);
      const text = en(t, 'preCare');
      expect(text, id).toMatch(/sun exposure for 2 weeks/);
      expect(text, id).toMatch(/retinoids.*1 week/);
      expect(text, id).toMatch(/medicines.*allergies/);
      expect(text, id).toMatch(/alcohol and smoking for 24-48 hours/);
      expect(ko(t, 'preCare'), id).toMatch(/2주/);
    }
  });

  it('uses the post-treatment care of 002: SPF 50+, gentle cleansing, no harsh actives, no strenuous exercise for 24-48 hours', () => {
    for (const id of ['pico-laser', 'fraxel', 'rejuran-healer', 'water-shine', 'exosome', 'ipl'] as const) {
      const t = get(id);
      expect(seedFileOf(t.aftercare.source), id).toBe(GLASS_SKIN);
      const text = en(t, 'aftercare');
      expect(text, id).toMatch(/SPF 50\+/);
      expect(text, id).toMatch(/mild cleanser/);
      expect(text, id).toMatch(/harsh exfoliants/);
    }
    expect(en(get('fraxel'), 'aftercare')).toMatch(/strenuous exercise for 24-48 hours/);
  });

  it('groups the lifting treatments as alternatives to each other, as 002 does', () => {
    for (const id of ['ultherapy', 'shurink', 'doublo-gold'] as const) {
      const t = get(id);
      expect(t.concerns.value).toContain('laxity');
      expect(seedFileOf(t.alternatives.source)).toBe(GLASS_SKIN);
      expect(t.alternatives.value.every((a) => get(a).category === 'hifu')).toBe(true);
    }
  });

  it('makes chemical-peel the superficial AHA/BHA peel of 002', () => {
    const t = get('chemical-peel');
    expect(t.purpose).toMatchObject({ source: fromSeed(GLASS_SKIN) });
    expect(t.purpose.value.en).toMatch(/AHA, BHA/);
  });
});

describe('treatment catalog: facts from 000 (laser toning)', () => {
  const t = () => get('laser-toning');

  it('takes 20 minutes to an hour, under topical anaesthetic, with no downtime', () => {
    expect(t().sessionMinutes).toEqual({ value: { min: 20, max: 60 }, source: fromSeed(LASER_TONING) });
    expect(t().anaesthesia).toEqual({ value: 'topical', source: fromSeed(LASER_TONING) });
    expect(t().downtimeDays).toEqual({ value: { min: 0, max: 0 }, source: fromSeed(LASER_TONING) });
  });

  it('treats melasma and sun spots', () => {
    expect(seedFileOf(t().concerns.source)).toBe(LASER_TONING);
    expect(t().concerns.value).toEqual(expect.arrayContaining(['melasma', 'sun_spots']));
  });

  it('advises SPF 30 sunscreen and no continued sun after, and warns of hypopigmentation', () => {
    expect(seedFileOf(t().aftercare.source)).toBe(LASER_TONING);
    expect(en(t(), 'aftercare')).toMatch(/SPF 30/);
    expect(en(t(), 'aftercare')).toMatch(/sun exposure/);
    expect(seedFileOf(t().complications.source)).toBe(LASER_TONING);
    expect(en(t(), 'complications')).toMatch(/hypopigmentation/);
    expect(ko(t(), 'complications')).toMatch(/저색소침착/);
  });
});

describe('treatment catalog: facts from 001 (acne scars)', () => {
  const scarProcedures = ['fractional-co2', 'erbium-laser', 'microneedling', 'rf-microneedling', 'prp', 'tca-cross'] as const;

  it('plans 3-6 sessions for the collagen-remodelling scar procedures', () => {
    for (const id of scarProcedures) expect(get(id).course.value.sessions, id).toEqual({ min: 3, max: 6 });
  });

  it('maps each scar type to the procedures 001 names for it', () => {
    const concerns = (id: TreatmentId) => {
      expect(seedFileOf(get(id).concerns.source), id).toBe(ACNE_SCARS);
      return get(id).concerns.value;
    };
    expect(concerns('tca-cross')).toContain('scar_icepick');
    expect(concerns('subcision')).toContain('scar_rolling');
    expect(concerns('ha-filler')).toContain('scar_rolling');
    expect(concerns('steroid-injection')).toContain('scar_hypertrophic');
    expect(concerns('chemical-peel')).toEqual(expect.arrayContaining(['pih', 'pie']));
    expect(concerns('led-therapy')).toContain('active_acne');
    for (const id of ['fractional-co2', 'erbium-laser', 'microneedling', 'rf-microneedling'] as const) {
      expect(concerns(id), id).toEqual(expect.arrayContaining(['scar_icepick', 'scar_boxcar', 'scar_rolling']));
    }
  });

  it('names erbium as the gentler alternative to fractional CO2', () => {
    expect(get('fractional-co2').alternatives).toMatchObject({ source: fromSeed(ACNE_SCARS) });
    expect(get('fractional-co2').alternatives.value).toContain('erbium-laser');
    expect(get('erbium-laser').purpose.value.en).toMatch(/gentler/);
  });

  it('lists the complications of 001 for the resurfacing lasers', () => {
    for (const id of ['fractional-co2', 'erbium-laser'] as const) {
      const t = get(id);
      expect(seedFileOf(t.complications.source), id).toBe(ACNE_SCARS);
      const text = en(t, 'complications');
      expect(text, id).toMatch(/darker skin/);
      expect(text, id).toMatch(/Infection/);
      expect(text, id).toMatch(/redness after aggressive laser/);
    }
  });

  it('prepares as 001 says: stop retinoids and exfoliants a few days before; avoid tanning, smoking and alcohol', () => {
    for (const id of scarProcedures) {
      const t = get(id);
      expect(seedFileOf(t.preCare.source), id).toBe(ACNE_SCARS);
      const text = en(t, 'preCare');
      expect(text, id).toMatch(/retinoids.*a few days before/);
      expect(text, id).toMatch(/tanning, smoking and alcohol/);
    }
  });

  it('recovers as 001 says: no makeup for 24-48 hours, soothing care and sun protection', () => {
    for (const id of scarProcedures) {
      const t = get(id);
      expect(seedFileOf(t.aftercare.source), id).toBe(ACNE_SCARS);
      expect(en(t, 'aftercare'), id).toMatch(/makeup for 24-48 hours/);
      expect(en(t, 'aftercare'), id).toMatch(/sun/);
    }
  });
});

describe('treatment catalog: what regulators and labels say', () => {
  it('says no glutathione injection is approved for skin lightening, and lists its reported harms, citing the advisory and the review', () => {
    const t = get('glutathione-iv');
    expect(t.purpose.value.en).not.toMatch(/reduce|helps?/i);
    const cited = t.complications.items.filter((i) => i.source?.startsWith('ref: '));
    expect(cited.map((i) => i.en).join('\n')).toMatch(/not approved|No glutathione injection is approved/);
    expect(en(t, 'complications')).toMatch(/Stevens-Johnson/);
    expect(en(t, 'complications')).toMatch(/kidneys, liver and thyroid/);
    for (const item of cited) expect(item.source).toMatch(/Philippine FDA Advisory No\. 2019-182.*Sonthalia/);
  });

  it('says no exosome product is approved to be injected, citing the US FDA notice of December 2019', () => {
    const item = get('exosome').complications.items.find((i) => /approved/.test(i.en));
    expect(item?.source).toMatch(/^ref: US FDA.*December 2019/);
    expect(item?.ko).toMatch(/허가된 엑소좀 제품은 없습니다/);
  });

  it('asks about the HIFU labels’ contraindications on every HIFU treatment; only Ultherapy’s is cited to its label', () => {
    for (const id of ['ultherapy', 'shurink', 'doublo-gold'] as const) {
      const item = get(id).preCare.items[0]!;
      expect(item.en, id).toMatch(/pacemaker.*metal implants.*cystic acne.*fillers or keloids/);
      expect(item.source, id).toEqual(
        id === 'ultherapy' ? expect.stringMatching(/^ref: Ulthera System instructions for use/) : 'clinical-practice',
      );
    }
  });
});

describe('mixed sources', () => {
  const catalog = catalogSchema.parse(
    JSON.parse(readFileSync(new URL('../../../resources/catalog/treatments.json', import.meta.url), 'utf8')),
  );
  const byId = new Map(catalog.map((t) => [t.id, t]));

  it('sources a course’s session count to the seeds where they give it, apart from its interval', () => {
    expect(byId.get('rejuran-healer')!.course.sessionsSource).toBe('002_d65572b616b5df97.txt');
    expect(byId.get('fractional-co2')!.course.sessionsSource).toBe('001_c6a7195fe076f43f.txt');
    expect(byId.get('fractional-co2')!.course.source).toBe('clinical-practice');
  });

  it('adds the medicines question to seed pre-care lists that lack it, marked as clinical practice', () => {
    const extra = byId.get('microneedling')!.preCare.items.find((item) => /medicines/.test(item.en));
    expect(extra?.source).toBe('clinical-practice');
  });
});
