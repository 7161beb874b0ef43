// The contraindication rules as data (resources/rules/contraindications.json): they pass rulesSchema, and every
// rule fires on a patient and session that meets it and stays silent on one that JUST misses it (a date one day
// the other side of the limit, the same answer false, a treatment without the tag), checked through the real
// engine against the real catalog. A rule without a case in the table fails the meta-test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TREATMENT_IDS, catalogSchema, type Catalog, type TreatmentId } from '../../../src/shared/domain/catalog/catalog-schema';
import { addDays } from '../../../src/shared/domain/intake/calendar-date';
import { DATE_NOT_ASKED } from '../../../src/shared/domain/intake/vocabulary';
import { patientSchema, type PatientIntake, type PatientIntakeInput } from '../../../src/shared/domain/intake/patient-schema';
import { checkPlan, ruleAppliesTo, type Finding, type PlannedSession } from '../../../src/shared/domain/rules/check-plan';
import { rulesSchema, type Condition, type Rule } from '../../../src/shared/domain/rules/rule-schema';
import { seedFileOf } from '../../../src/shared/domain/citations/source';
import { CLEAN_SCREENING as SHARED_CLEAN_SCREENING } from '../../support/clean-screening';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'));

const rawRules = read('resources/rules/contraindications.json');
const parsedRules = rulesSchema.safeParse(rawRules);
const rules: readonly Rule[] = parsedRules.success ? parsedRules.data : [];
const catalog: Catalog = catalogSchema.parse(read('resources/catalog/treatments.json'));
const byId = new Map(catalog.map((t) => [t.id, t]));

const SEEDS = ['000_0389e218a6a15942.txt', '001_c6a7195fe076f43f.txt', '002_d65572b616b5df97.txt'];
const HANGUL = /[\uac00-\ud7a3]/;

// ---------------------------------------------------------------------------------------------------------------
// Patients: the en.json case's patient minus id and photos, fully screened with nothing to report, then patched.

type ScreeningPatch = Partial<PatientIntakeInput['screening']>;
interface Patch {
  readonly screening?: ScreeningPatch;
  readonly fitzpatrick?: number | null;
  readonly trip?: Partial<PatientIntakeInput['trip']>;
  readonly sex?: PatientIntakeInput['sex'];
  readonly concerns?: PatientIntakeInput['skin']['concerns'];
}

const fixture = (read('tests/fixtures/cases/en.json') as { patient: Record<string, unknown> }).patient;
const { id: _id, photos: _photos, ...fixturePatient } = fixture;
const clean = fixturePatient as unknown as PatientIntakeInput;
// Nothing to report; the fixture's own notes and medications kept.
const CLEAN_SCREENING: PatientIntakeInput['screening'] = {
  ...SHARED_CLEAN_SCREENING,
  medications: clean.screening.medications,
  notes: clean.screening.notes,
};

/** A valid patient (checked by patientSchema, so a patch can never build an impossible intake). */
function patient(patch: Patch = {}): PatientIntake {
  return patientSchema.parse({
    ...clean,
    sex: patch.sex ?? clean.sex,
    trip: { ...clean.trip, ...patch.trip },
    skin: {
      ...clean.skin,
      fitzpatrick: patch.fitzpatrick === undefined ? clean.skin.fitzpatrick : patch.fitzpatrick,
      concerns: patch.concerns ?? clean.skin.concerns,
    },
    screening: { ...CLEAN_SCREENING, ...patch.screening },
  });
}

const BASE = patient();
const nested = (c: Condition): readonly Condition[] => ('all' in c ? c.all : 'any' in c ? c.any : 'not' in c ? [c.not] : []);
/** Before the stay: an undated session can take any day of it. */
const TODAY = '2026-12-03';
const ARRIVAL = BASE.trip.arrival; // 2027-01-08
const DEPARTURE = BASE.trip.departure; // 2027-01-19
/** The session date the cases use unless they are about the departure. */
const DAY = addDays(ARRIVAL, 2);
const before = (days: number) => addDays(DAY, -days);
const NOT_ASKED = DATE_NOT_ASKED;
const withAllergy = (...items: PatientIntakeInput['screening']['allergies']['items']) =>
  patient({ screening: { allergies: { items, other: items.includes('other') ? 'chlorhexidine' : '' } } });

// ---------------------------------------------------------------------------------------------------------------
// The table: for every rule, a probe that triggers it and one (or more) that just miss it.

interface Probe {
  readonly patient: PatientIntake;
  readonly sessions: readonly PlannedSession[];
  /** The session the rule is about (the first session unless told). */
  readonly target?: PlannedSession;
}
interface RuleCase {
  readonly rule: string;
  readonly hit: Probe;
  /** The first miss is the one that JUST misses; more may follow (the other side of a window, no allergy...). */
  readonly misses: readonly (Probe & { readonly why: string })[];
}

const one = (p: PatientIntake, treatment: TreatmentId, date: string | null = DAY): Probe => ({
  patient: p,
  sessions: [{ treatment, date }],
});
const miss = (why: string, probe: Probe) => ({ ...probe, why });
const downtimeMax = (id: TreatmentId) => byId.get(id)!.downtimeDays.value.max;
/** Sessions on different days of a long stay: the engine reports identical undated sessions once. */
const toning = (count: number): PlannedSession[] =>
  Array.from({ length: count }, (_, i) => ({ treatment: 'laser-toning' as const, date: addDays(ARRIVAL, i) }));

/** Room for ten sessions on different days. */
const LONG_STAY = patient({ trip: { departure: addDays(ARRIVAL, 40) } });
const taking = (medications: string, answers: ScreeningPatch) => patient({ screening: { medications, ...answers } });

const CASES: readonly RuleCase[] = [
  {
    rule: 'active-infection',
    hit: one(patient({ screening: { activeInfection: true } }), 'hydrafacial'),
    misses: [miss('answer false', one(patient({ screening: { activeInfection: false } }), 'hydrafacial'))],
  },
  {
    rule: 'active-infection-not-asked',
    hit: one(patient({ screening: { activeInfection: null } }), 'hydrafacial'),
    misses: [
      miss('answered', one(patient({ screening: { activeInfection: false } }), 'hydrafacial')),
      miss('a laser, where screening-incomplete asks instead', one(patient({ screening: { activeInfection: null } }), 'pico-laser')),
    ],
  },
  {
    rule: 'pregnancy-procedure',
    hit: one(patient({ screening: { pregnant: true } }), 'fraxel'),
    misses: [
      miss('answer false', one(patient({ screening: { pregnant: false } }), 'fraxel')),
      miss('a facial is only a caution', one(patient({ screening: { pregnant: true } }), 'hydrafacial')),
    ],
  },
  {
    rule: 'pregnancy-gentle-procedure',
    hit: one(patient({ screening: { pregnant: true } }), 'hydrafacial'),
    misses: [
      miss('answer false', one(patient({ screening: { pregnant: false } }), 'hydrafacial')),
      miss('a laser is a block, not this caution', one(patient({ screening: { pregnant: true } }), 'fraxel')),
    ],
  },
  {
    rule: 'pregnancy-not-asked',
    hit: one(patient({ screening: { pregnant: null } }), 'hydrafacial'),
    misses: [
      miss('asked: false', one(patient({ screening: { pregnant: false } }), 'hydrafacial')),
      miss('asked: true', one(patient({ screening: { pregnant: true } }), 'hydrafacial')),
      miss('a male patient', one(patient({ sex: 'male', screening: { pregnant: null } }), 'hydrafacial')),
    ],
  },
  {
    rule: 'screening-incomplete',
    hit: one(patient({ screening: { bleedingDisorder: null } }), 'microneedling'),
    misses: [
      miss('every listed question answered', one(patient({ screening: { bleedingDisorder: false } }), 'microneedling')),
      miss('a facial, which the rule leaves out', one(patient({ screening: { bleedingDisorder: null } }), 'hydrafacial')),
    ],
  },
  {
    rule: 'breastfeeding-injectable-peel',
    hit: one(patient({ screening: { breastfeeding: true } }), 'chemical-peel'),
    misses: [
      miss('answer false', one(patient({ screening: { breastfeeding: false } }), 'chemical-peel')),
      miss('a treatment that is neither injectable, IV nor peel', one(patient({ screening: { breastfeeding: true } }), 'laser-toning')),
    ],
  },
  {
    rule: 'breastfeeding-not-asked',
    hit: one(patient({ screening: { breastfeeding: null } }), 'chemical-peel'),
    misses: [
      miss('answered', one(patient({ screening: { breastfeeding: false } }), 'chemical-peel')),
      miss('a male patient', one(patient({ sex: 'male', screening: { breastfeeding: null } }), 'chemical-peel')),
      miss('neither injectable, IV nor peel', one(patient({ screening: { breastfeeding: null } }), 'laser-toning')),
    ],
  },
  {
    rule: 'isotretinoin-ablative-deep-peel',
    // Six months = 183 days, as tests/unit/plan/plan-service.test.ts has it: 182 days before is inside, 183 outside.
    hit: one(patient({ screening: { isotretinoinLastDose: before(182) } }), 'erbium-laser'),
    misses: [
      miss('last dose 183 days before', one(patient({ screening: { isotretinoinLastDose: before(183) } }), 'erbium-laser')),
      miss(
        'fractional ablative: a caution, not this block',
        one(patient({ screening: { isotretinoinLastDose: before(30) } }), 'fractional-co2'),
      ),
    ],
  },
  {
    rule: 'isotretinoin-other-procedures',
    hit: one(patient({ screening: { isotretinoinLastDose: before(182) } }), 'fractional-co2'),
    misses: [
      miss('last dose 183 days before', one(patient({ screening: { isotretinoinLastDose: before(183) } }), 'fractional-co2')),
      miss('fully ablative: the block instead', one(patient({ screening: { isotretinoinLastDose: before(30) } }), 'erbium-laser')),
      miss('a facial the consensus does not cover', one(patient({ screening: { isotretinoinLastDose: before(30) } }), 'hydrafacial')),
    ],
  },
  {
    rule: 'isotretinoin-not-asked',
    hit: one(patient({ screening: { isotretinoinLastDose: NOT_ASKED } }), 'laser-toning'),
    misses: [
      miss('answered: never', one(patient({ screening: { isotretinoinLastDose: null } }), 'laser-toning')),
      miss('answered with a date long ago', one(patient({ screening: { isotretinoinLastDose: before(400) } }), 'laser-toning')),
      miss('a facial the isotretinoin rules leave out', one(patient({ screening: { isotretinoinLastDose: NOT_ASKED } }), 'hydrafacial')),
    ],
  },
  {
    rule: 'fish-allergy-salmon-pn',
    hit: one(withAllergy('fish'), 'rejuran-healer'),
    misses: [
      miss('a booster without salmon PN', one(withAllergy('fish'), 'water-shine')),
      miss('no fish allergy', one(withAllergy('latex'), 'rejuran-healer')),
    ],
  },
  {
    rule: 'lidocaine-allergy-numbing',
    hit: one(withAllergy('lidocaine'), 'fraxel'),
    misses: [
      miss('numbing cream optional: a caution instead', one(withAllergy('lidocaine'), 'pico-laser')),
      miss('a treatment without anaesthesia', one(withAllergy('lidocaine'), 'ipl')),
      miss('no lidocaine allergy', one(withAllergy('fish'), 'fraxel')),
    ],
  },
  {
    rule: 'lidocaine-allergy-premixed',
    hit: one(withAllergy('lidocaine'), 'ha-filler'),
    misses: [
      miss('an HA booster not premixed with lidocaine', one(withAllergy('lidocaine'), 'water-shine')),
      miss('no lidocaine allergy', one(withAllergy('fish'), 'ha-filler')),
    ],
  },
  {
    rule: 'lidocaine-allergy-optional-numbing',
    hit: one(withAllergy('lidocaine'), 'tca-cross'),
    misses: [
      miss('numbing as a rule: the block instead', one(withAllergy('lidocaine'), 'fraxel')),
      miss('a treatment without anaesthesia', one(withAllergy('lidocaine'), 'hydrafacial')),
      miss('no lidocaine allergy', one(withAllergy('fish'), 'tca-cross')),
    ],
  },
  {
    rule: 'hyaluronic-acid-allergy',
    hit: one(withAllergy('hyaluronic_acid'), 'water-shine'),
    misses: [
      miss('a booster without hyaluronic acid', one(withAllergy('hyaluronic_acid'), 'rejuran-healer')),
      miss('no hyaluronic acid allergy', one(withAllergy('fish'), 'ha-filler')),
    ],
  },
  {
    rule: 'latex-allergy',
    hit: one(withAllergy('latex'), 'hydrafacial'),
    misses: [miss('no latex allergy', one(withAllergy('aspirin'), 'hydrafacial'))],
  },
  {
    rule: 'other-allergy-review',
    hit: one(withAllergy('other'), 'hydrafacial'),
    misses: [miss('only listed allergies', one(withAllergy('aspirin'), 'hydrafacial'))],
  },
  {
    rule: 'bleeding-disorder-needle',
    hit: one(patient({ screening: { bleedingDisorder: true } }), 'ha-filler'),
    misses: [
      miss('answer false', one(patient({ screening: { bleedingDisorder: false } }), 'ha-filler')),
      miss('a treatment without needles', one(patient({ screening: { bleedingDisorder: true } }), 'ipl')),
    ],
  },
  {
    rule: 'anticoagulants-needle',
    hit: one(patient({ screening: { anticoagulants: true } }), 'subcision'),
    misses: [
      miss('answer false', one(patient({ screening: { anticoagulants: false } }), 'subcision')),
      miss('a treatment without needles', one(patient({ screening: { anticoagulants: true } }), 'hydrafacial')),
    ],
  },
  {
    rule: 'keloid-history-wounding',
    hit: one(patient({ screening: { keloidHistory: true } }), 'tca-cross'),
    misses: [
      miss('answer false', one(patient({ screening: { keloidHistory: false } }), 'tca-cross')),
      miss('a treatment that does not wound the skin', one(patient({ screening: { keloidHistory: true } }), 'pico-laser')),
    ],
  },
  {
    rule: 'herpes-history-antiviral',
    hit: one(patient({ screening: { herpesHistory: true } }), 'fractional-co2'),
    misses: [
      miss('answer false', one(patient({ screening: { herpesHistory: false } }), 'fractional-co2')),
      miss('a non-resurfacing treatment', one(patient({ screening: { herpesHistory: true } }), 'pico-laser')),
    ],
  },
  {
    rule: 'photosensitising-drugs-light',
    hit: one(patient({ screening: { photosensitisingDrugs: true } }), 'ipl'),
    misses: [
      miss('answer false', one(patient({ screening: { photosensitisingDrugs: false } }), 'ipl')),
      miss('not a laser or light', one(patient({ screening: { photosensitisingDrugs: true } }), 'ultherapy')),
    ],
  },
  {
    rule: 'autoimmune-wounding-energy',
    hit: one(patient({ screening: { autoimmune: true } }), 'ultherapy'),
    misses: [
      miss('answer false', one(patient({ screening: { autoimmune: false } }), 'ultherapy')),
      miss('neither wounding nor energy', one(patient({ screening: { autoimmune: true } }), 'hydrafacial')),
    ],
  },
  {
    rule: 'diabetes-healing',
    hit: one(patient({ screening: { diabetes: true } }), 'microneedling'),
    misses: [
      miss('answer false', one(patient({ screening: { diabetes: false } }), 'microneedling')),
      miss('a treatment that does not wound the skin', one(patient({ screening: { diabetes: true } }), 'laser-toning')),
    ],
  },
  {
    rule: 'sun-exposure-before-laser',
    hit: one(patient({ screening: { lastSunExposure: before(13) } }), 'pico-laser'),
    misses: [
      miss('sun 14 days before', one(patient({ screening: { lastSunExposure: before(14) } }), 'pico-laser')),
      miss('sun the day after the session', one(patient({ screening: { lastSunExposure: before(-1) } }), 'pico-laser')),
      miss('not a laser or light', one(patient({ screening: { lastSunExposure: before(3) } }), 'hydrafacial')),
    ],
  },
  {
    rule: 'sun-exposure-not-asked',
    hit: one(patient({ screening: { lastSunExposure: NOT_ASKED } }), 'pico-laser'),
    misses: [
      miss('answered: never', one(patient({ screening: { lastSunExposure: null } }), 'pico-laser')),
      miss('not a laser or light', one(patient({ screening: { lastSunExposure: NOT_ASKED } }), 'hydrafacial')),
    ],
  },
  {
    rule: 'retinoid-before-procedure',
    hit: one(patient({ screening: { retinoidLastUse: before(6) } }), 'chemical-peel'),
    misses: [
      miss('retinoid 7 days before', one(patient({ screening: { retinoidLastUse: before(7) } }), 'chemical-peel')),
      miss('an injectable', one(patient({ screening: { retinoidLastUse: before(1) } }), 'glutathione-iv')),
    ],
  },
  {
    rule: 'retinoid-not-asked',
    hit: one(patient({ screening: { retinoidLastUse: NOT_ASKED } }), 'chemical-peel'),
    misses: [
      miss('answered: never', one(patient({ screening: { retinoidLastUse: null } }), 'chemical-peel')),
      miss('an injectable', one(patient({ screening: { retinoidLastUse: NOT_ASKED } }), 'glutathione-iv')),
    ],
  },
  {
    rule: 'pih-risk-darker-skin-resurfacing',
    hit: one(patient({ fitzpatrick: 4 }), 'fractional-co2'),
    misses: [
      miss('Fitzpatrick III', one(patient({ fitzpatrick: 3 }), 'fractional-co2')),
      miss('a non-resurfacing laser', one(patient({ fitzpatrick: 6 }), 'laser-toning')),
      miss('Fitzpatrick unknown (the info rule covers it)', one(patient({ fitzpatrick: null }), 'fractional-co2')),
    ],
  },
  {
    rule: 'fitzpatrick-unknown-energy',
    hit: one(patient({ fitzpatrick: null }), 'laser-toning'),
    misses: [
      miss('Fitzpatrick recorded', one(patient({ fitzpatrick: 1 }), 'laser-toning')),
      miss('no energy', one(patient({ fitzpatrick: null }), 'hydrafacial')),
    ],
  },
  {
    rule: 'laser-toning-hypopigmentation',
    hit: { patient: LONG_STAY, sessions: toning(10) },
    misses: [miss('9 sessions', { patient: LONG_STAY, sessions: toning(9) })],
  },
  {
    rule: 'recent-filler-toxin-before-rf-hifu',
    hit: one(patient({ screening: { recentFillerOrToxin: before(13) } }), 'ultherapy'),
    misses: [
      miss('filler or toxin 14 days before', one(patient({ screening: { recentFillerOrToxin: before(14) } }), 'ultherapy')),
      miss('not RF or HIFU', one(patient({ screening: { recentFillerOrToxin: before(2) } }), 'pico-laser')),
    ],
  },
  {
    rule: 'recent-filler-toxin-not-asked',
    hit: one(patient({ screening: { recentFillerOrToxin: NOT_ASKED } }), 'ultherapy'),
    misses: [
      miss('answered: never', one(patient({ screening: { recentFillerOrToxin: null } }), 'ultherapy')),
      miss('not RF or HIFU', one(patient({ screening: { recentFillerOrToxin: NOT_ASKED } }), 'pico-laser')),
    ],
  },
  {
    rule: 'downtime-after-departure',
    hit: one(BASE, 'fraxel', addDays(DEPARTURE, -downtimeMax('fraxel') + 1)),
    misses: [
      miss('downtime ends on the departure day', one(BASE, 'fraxel', addDays(DEPARTURE, -downtimeMax('fraxel')))),
      miss('no downtime', one(BASE, 'hydrafacial', addDays(DEPARTURE, -1))),
    ],
  },
  {
    rule: 'resurfacing-close-to-departure',
    hit: one(BASE, 'fraxel', addDays(DEPARTURE, -2)),
    misses: [
      miss('3 days before departure', one(BASE, 'fraxel', addDays(DEPARTURE, -3))),
      miss('not resurfacing', one(BASE, 'pico-laser', addDays(DEPARTURE, -1))),
    ],
  },
  {
    rule: 'ipl-darker-skin',
    hit: one(patient({ fitzpatrick: 4 }), 'ipl'),
    misses: [
      miss('Fitzpatrick III', one(patient({ fitzpatrick: 3 }), 'ipl')),
      miss('a laser, not IPL', one(patient({ fitzpatrick: 6 }), 'laser-toning')),
    ],
  },
  {
    rule: 'active-acne-procedures',
    hit: one(patient({ concerns: ['active_acne'] }), 'microneedling'),
    misses: [
      miss('acne scars, not active acne', one(patient({ concerns: ['scar_rolling'] }), 'microneedling')),
      miss('a laser the rule leaves out', one(patient({ concerns: ['active_acne'] }), 'laser-toning')),
    ],
  },
  {
    rule: 'aspirin-allergy-salicylic-acid',
    hit: one(withAllergy('aspirin'), 'chemical-peel'),
    misses: [
      miss('an exfoliation without acid', one(withAllergy('aspirin'), 'microdermabrasion')),
      miss('no aspirin allergy', one(withAllergy('latex'), 'chemical-peel')),
    ],
  },
  {
    rule: 'implanted-device-rf-hifu',
    hit: one(patient({ screening: { implantedDevice: true } }), 'ultherapy'),
    misses: [
      miss('answer false', one(patient({ screening: { implantedDevice: false } }), 'ultherapy')),
      miss('neither RF nor HIFU', one(patient({ screening: { implantedDevice: true } }), 'pico-laser')),
    ],
  },
  {
    rule: 'metal-implant-rf-hifu',
    hit: one(patient({ screening: { metalImplantInArea: true } }), 'rf-microneedling'),
    misses: [
      miss('answer false', one(patient({ screening: { metalImplantInArea: false } }), 'rf-microneedling')),
      miss('needling without RF', one(patient({ screening: { metalImplantInArea: true } }), 'microneedling')),
    ],
  },
  {
    rule: 'implants-not-asked',
    hit: one(patient({ screening: { metalImplantInArea: null } }), 'shurink'),
    misses: [
      miss('both answered', one(patient({ screening: { implantedDevice: true, metalImplantInArea: false } }), 'shurink')),
      miss('neither RF nor HIFU', one(patient({ screening: { implantedDevice: null, metalImplantInArea: null } }), 'laser-toning')),
    ],
  },
  {
    rule: 'koebner-wounding-laser',
    hit: one(patient({ screening: { koebnerCondition: true } }), 'microneedling'),
    misses: [
      miss('answer false', one(patient({ screening: { koebnerCondition: false } }), 'microneedling')),
      miss('an injection, not a wound or a laser', one(patient({ screening: { koebnerCondition: true } }), 'ha-filler')),
    ],
  },
  {
    rule: 'koebner-not-asked',
    hit: one(patient({ screening: { koebnerCondition: null } }), 'fraxel'),
    misses: [
      miss('answered', one(patient({ screening: { koebnerCondition: false } }), 'fraxel')),
      miss('a facial the rule leaves out', one(patient({ screening: { koebnerCondition: null } }), 'hydrafacial')),
    ],
  },
  {
    rule: 'hyaluronidase-venom-allergy-ha',
    hit: one(patient({ screening: { hyaluronidaseOrVenomAllergy: true } }), 'ha-filler'),
    misses: [
      miss('answer false', one(patient({ screening: { hyaluronidaseOrVenomAllergy: false } }), 'ha-filler')),
      miss('a booster without hyaluronic acid', one(patient({ screening: { hyaluronidaseOrVenomAllergy: true } }), 'rejuran-healer')),
    ],
  },
  {
    rule: 'hyaluronidase-venom-not-asked',
    hit: one(patient({ screening: { hyaluronidaseOrVenomAllergy: null } }), 'water-shine'),
    misses: [
      miss('answered', one(patient({ screening: { hyaluronidaseOrVenomAllergy: false } }), 'water-shine')),
      miss('a booster without hyaluronic acid', one(patient({ screening: { hyaluronidaseOrVenomAllergy: null } }), 'rejuran-healer')),
    ],
  },
  {
    rule: 'asthma-sulfite-glutathione',
    hit: one(patient({ screening: { asthmaOrSulfite: true } }), 'glutathione-iv'),
    misses: [
      miss('answer false', one(patient({ screening: { asthmaOrSulfite: false } }), 'glutathione-iv')),
      miss('not glutathione', one(patient({ screening: { asthmaOrSulfite: true } }), 'water-shine')),
    ],
  },
  {
    rule: 'asthma-sulfite-not-asked',
    hit: one(patient({ screening: { asthmaOrSulfite: null } }), 'glutathione-iv'),
    misses: [
      miss('answered', one(patient({ screening: { asthmaOrSulfite: false } }), 'glutathione-iv')),
      miss('not glutathione', one(patient({ screening: { asthmaOrSulfite: null } }), 'exosome')),
    ],
  },
  {
    rule: 'medications-mention-anticoagulant',
    hit: one(taking('Eliquis 5 mg twice a day', { anticoagulants: false }), 'ha-filler'),
    misses: [
      miss(
        'the answer agrees (the blood-thinner rule speaks instead)',
        one(taking('Eliquis 5 mg twice a day', { anticoagulants: true }), 'ha-filler'),
      ),
      miss('no blood thinner named', one(taking('vitamin D, metformin', { anticoagulants: false }), 'ha-filler')),
      miss('a treatment without needles', one(taking('Eliquis 5 mg twice a day', { anticoagulants: false }), 'hydrafacial')),
    ],
  },
  {
    rule: 'medications-mention-photosensitiser',
    hit: one(taking('Doxycycline 100mg', { photosensitisingDrugs: false }), 'pico-laser'),
    misses: [
      miss(
        'the answer agrees (the photosensitiser rule speaks instead)',
        one(taking('Doxycycline 100mg', { photosensitisingDrugs: true }), 'pico-laser'),
      ),
      miss('no photosensitiser named', one(taking('metformin', { photosensitisingDrugs: false }), 'pico-laser')),
      miss('not a laser or light', one(taking('Doxycycline 100mg', { photosensitisingDrugs: false }), 'ultherapy')),
    ],
  },
];

function findingsFor(probe: Probe, ruleId: string): Finding[] {
  const target = probe.target ?? probe.sessions[0]!;
  return checkPlan(probe.patient, probe.sessions, catalog, rules, TODAY).filter(
    (f) => f.rule === ruleId && f.treatment === target.treatment && f.date === target.date,
  );
}

// ---------------------------------------------------------------------------------------------------------------

describe('contraindication rules: shape', () => {
  it('passes rulesSchema', () => {
    expect(parsedRules.success ? [] : parsedRules.error.issues).toEqual([]);
    expect(rules.length).toBeGreaterThan(0);
  });

  it('cites a seed article (or one of its sections) or a named reference', () => {
    for (const rule of rules) {
      if (rule.source.startsWith('ref: ')) expect(rule.source.length, rule.id).toBeGreaterThan(30);
      else expect(SEEDS, rule.id).toContain(seedFileOf(rule.source));
    }
  });

  it('speaks Korean and English, briefly, and tells the reader what to do', () => {
    const action = /\b(ask|confirm|do not|move|show|check)\b/i;
    for (const rule of rules) {
      expect(rule.message.ko, rule.id).toMatch(HANGUL);
      expect(rule.message.en, rule.id).not.toMatch(HANGUL);
      expect(rule.message.en, rule.id).toMatch(action);
      expect(rule.message.ko, rule.id).toMatch(/(하세요|요청|확인|문의|상의|결정해야)/);
      expect(rule.message.en.length, rule.id).toBeLessThanOrEqual(200);
      expect(rule.message.ko.length, rule.id).toBeLessThanOrEqual(120);
    }
  });

  it('applies every rule to at least one treatment of the catalog', () => {
    for (const rule of rules)
      expect(
        catalog.some((t) => ruleAppliesTo(rule, t)),
        rule.id,
      ).toBe(true);
  });

  it('gives every treatment exactly one pregnancy rule: a block, or a caution for facials and LED', () => {
    const block = rules.find((r) => r.id === 'pregnancy-procedure')!;
    const caution = rules.find((r) => r.id === 'pregnancy-gentle-procedure')!;
    for (const t of catalog) expect([ruleAppliesTo(block, t), ruleAppliesTo(caution, t)].filter(Boolean), t.id).toHaveLength(1);
    expect(TREATMENT_IDS.filter((id) => ruleAppliesTo(caution, byId.get(id)!)).sort()).toEqual([
      'aqua-peel',
      'hydrafacial',
      'led-therapy',
      'microdermabrasion',
    ]);
  });

  it('says nothing about a fully screened patient without risk factors, for any treatment, dated or not', () => {
    const longStay = patient({ trip: { departure: addDays(ARRIVAL, 40) } });
    for (const id of TREATMENT_IDS) {
      expect(checkPlan(BASE, [{ treatment: id, date: null }], catalog, rules, TODAY), id).toEqual([]);
      expect(checkPlan(longStay, [{ treatment: id, date: DAY }], catalog, rules, TODAY), id).toEqual([]);
      expect(checkPlan(BASE, [{ treatment: id, date: null, nextVisit: true }], catalog, rules, TODAY), id).toEqual([]);
    }
  });

  it('never passes in silence because a question was not asked: every question a rule reads has a not-asked caution on its treatments', () => {
    // The questions a rule reads for a yes or a date, and those a not-asked rule asks for.
    const reads = (c: Condition): string[] =>
      'answer' in c && c.is !== null ? [c.answer] : 'withinDaysBeforeSession' in c ? [c.withinDaysBeforeSession] : nested(c).flatMap(reads);
    const asksFor = (c: Condition): string[] =>
      'anyUnanswered' in c ? [...c.anyUnanswered] : 'answer' in c && c.is === null ? [c.answer] : nested(c).flatMap(asksFor);
    const silent: string[] = [];
    for (const rule of rules) {
      for (const question of reads(rule.when)) {
        for (const t of catalog) {
          if (!ruleAppliesTo(rule, t)) continue;
          if (!rules.some((other) => asksFor(other.when).includes(question) && ruleAppliesTo(other, t)))
            silent.push(`${rule.id}: ${question} on ${t.id}`);
        }
      }
    }
    expect(silent).toEqual([]);
  });
});

describe('contraindication rules: every treatment each rule is meant for', () => {
  const fires = (ruleId: string, p: PatientIntake, treatment: TreatmentId) => findingsFor(one(p, treatment), ruleId).length > 0;

  it.each([
    [
      'herpes-history-antiviral',
      patient({ screening: { herpesHistory: true } }),
      ['chemical-peel', 'tca-cross', 'ha-filler', 'ultherapy', 'shurink', 'doublo-gold', 'microneedling'],
    ],
    [
      'active-acne-procedures',
      patient({ concerns: ['active_acne'] }),
      ['microneedling', 'rf-microneedling', 'microdermabrasion', 'ultherapy', 'shurink', 'doublo-gold', 'ha-filler'],
    ],
    ['aspirin-allergy-salicylic-acid', withAllergy('aspirin'), ['chemical-peel', 'aqua-peel', 'hydrafacial']],
    [
      'implanted-device-rf-hifu',
      patient({ screening: { implantedDevice: true } }),
      ['rf-microneedling', 'ultherapy', 'shurink', 'doublo-gold'],
    ],
    [
      'koebner-wounding-laser',
      patient({ screening: { koebnerCondition: true } }),
      ['fractional-co2', 'laser-toning', 'ipl', 'subcision', 'tca-cross', 'chemical-peel', 'microdermabrasion'],
    ],
    ['isotretinoin-ablative-deep-peel', patient({ screening: { isotretinoinLastDose: before(60) } }), ['erbium-laser', 'tca-cross']],
    [
      'isotretinoin-other-procedures',
      patient({ screening: { isotretinoinLastDose: before(60) } }),
      [
        'fractional-co2',
        'fraxel',
        'pico-laser',
        'laser-toning',
        'ipl',
        'rf-microneedling',
        'microneedling',
        'subcision',
        'chemical-peel',
        'microdermabrasion',
      ],
    ],
    ['lidocaine-allergy-numbing', withAllergy('lidocaine'), ['subcision', 'fractional-co2', 'laser-toning', 'ha-filler', 'rejuran-healer']],
  ] as const)('%s fires on each of them', (ruleId, p, treatments) => {
    for (const treatment of treatments) expect(fires(ruleId, p, treatment), treatment).toBe(true);
  });

  it('reads the drug names in the scripts coordinators type, whatever the case', () => {
    const noBloodThinner = { anticoagulants: false } as const;
    for (const said of ['와파린 2mg', 'WARFARIN', '华法林', 'ワーファリン', 'Ксарелто 20 мг', '플라빅스', 'low-dose aspirin'])
      expect(fires('medications-mention-anticoagulant', taking(said, noBloodThinner), 'ha-filler'), said).toBe(true);
    const noPhotosensitiser = { photosensitisingDrugs: false } as const;
    for (const said of ['독시사이클린', '로아큐탄 10mg', 'St John’s wort', 'ミノサイクリン', 'amiodarone'])
      expect(fires('medications-mention-photosensitiser', taking(said, noPhotosensitiser), 'laser-toning'), said).toBe(true);
  });

  it('gives every not-asked caution the treatments of the rule it stands for', () => {
    const pairs = [
      ['isotretinoin-not-asked', ['isotretinoin-ablative-deep-peel', 'isotretinoin-other-procedures']],
      ['sun-exposure-not-asked', ['sun-exposure-before-laser']],
      ['retinoid-not-asked', ['retinoid-before-procedure']],
      ['recent-filler-toxin-not-asked', ['recent-filler-toxin-before-rf-hifu']],
      ['implants-not-asked', ['implanted-device-rf-hifu', 'metal-implant-rf-hifu']],
      ['koebner-not-asked', ['koebner-wounding-laser']],
      ['hyaluronidase-venom-not-asked', ['hyaluronidase-venom-allergy-ha']],
      ['asthma-sulfite-not-asked', ['asthma-sulfite-glutathione']],
    ] as const;
    const get = (id: string) => rules.find((r) => r.id === id)!;
    for (const [notAsked, covered] of pairs) {
      const asked = TREATMENT_IDS.filter((id) => ruleAppliesTo(get(notAsked), byId.get(id)!));
      const meant = TREATMENT_IDS.filter((id) => covered.some((rule) => ruleAppliesTo(get(rule), byId.get(id)!)));
      expect(asked, notAsked).toEqual(meant);
    }
  });
});

describe('contraindication rules: every rule has cases', () => {
  it('has a case for every rule id in the JSON, and no case for a rule that is gone', () => {
    const ruleIds = rules.map((r) => r.id).sort();
    const caseIds = CASES.map((c) => c.rule).sort();
    expect(caseIds).toEqual(ruleIds);
  });

  it('has a miss for every case', () => {
    for (const c of CASES) expect(c.misses.length, c.rule).toBeGreaterThan(0);
  });
});

describe.each(CASES)('rule $rule', ({ rule: ruleId, hit, misses }) => {
  const rule = () => {
    const found = rules.find((r) => r.id === ruleId);
    if (!found) throw new Error(`no rule ${ruleId} in contraindications.json`);
    return found;
  };

  it('fires on the session that meets it, with its severity, message and source', () => {
    const target = hit.target ?? hit.sessions[0]!;
    const same = hit.sessions.filter((s) => s.treatment === target.treatment && s.date === target.date).length;
    const findings = findingsFor(hit, ruleId);
    expect(findings).toHaveLength(same);
    const { severity, message, source } = rule();
    for (const finding of findings) expect(finding).toMatchObject({ severity, message, source });
  });

  it.each(misses.map((m) => [m.why, m] as const))('stays silent: %s', (_why, probe) => {
    expect(findingsFor(probe, ruleId)).toEqual([]);
    // Nowhere in the plan either.
    expect(checkPlan(probe.patient, probe.sessions, catalog, rules, TODAY).filter((f) => f.rule === ruleId)).toEqual([]);
  });
});

describe('contraindication rules: severities', () => {
  it('blocks only what the doctor must decide', () => {
    const blocks = rules
      .filter((r) => r.severity === 'block')
      .map((r) => r.id)
      .sort();
    expect(blocks).toEqual([
      'active-infection',
      'bleeding-disorder-needle',
      'fish-allergy-salmon-pn',
      'hyaluronic-acid-allergy',
      'implanted-device-rf-hifu',
      'isotretinoin-ablative-deep-peel',
      'lidocaine-allergy-numbing',
      'lidocaine-allergy-premixed',
      'metal-implant-rf-hifu',
      'pregnancy-procedure',
    ]);
  });

  it('fires on every one of ten laser toning sessions (the count is the whole plan)', () => {
    const findings = checkPlan(LONG_STAY, toning(10), catalog, rules, TODAY).filter((f) => f.rule === 'laser-toning-hypopigmentation');
    expect(findings).toHaveLength(10);
  });
});
