import type { Screening } from '../../src/shared/domain/intake/patient-schema';

/** A patient fully screened with nothing to report: every question answered "no", no dates, no allergies. */
export const CLEAN_SCREENING: Screening = {
  pregnant: false,
  breastfeeding: false,
  isotretinoinLastDose: null,
  retinoidLastUse: null,
  lastSunExposure: null,
  anticoagulants: false,
  bleedingDisorder: false,
  keloidHistory: false,
  herpesHistory: false,
  activeInfection: false,
  photosensitisingDrugs: false,
  autoimmune: false,
  diabetes: false,
  recentFillerOrToxin: null,
  implantedDevice: false,
  metalImplantInArea: false,
  koebnerCondition: false,
  hyaluronidaseOrVenomAllergy: false,
  asthmaOrSulfite: false,
  allergies: { items: [], other: '' },
  medications: '',
  notes: '',
};
