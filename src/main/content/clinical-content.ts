// The treatment catalog, the contraindication rules and the follow-up schedule, read from resources/ once and checked against their
// schemas: a broken content file stops the app at the first use with the file and field named, instead of
// producing wrong advice later.
import { readFileSync } from 'node:fs';
import { catalogSchema, type Catalog } from '../../shared/domain/catalog/catalog-schema';
import { rulesSchema, type Rule } from '../../shared/domain/rules/rule-schema';
import { followUpScheduleSchema, type FollowUpSchedule } from '../../shared/domain/followups/followup-schedule';
import { resourcePath } from '../resources';

export interface ClinicalContent {
  readonly catalog: Catalog;
  readonly rules: readonly Rule[];
  readonly followUps: FollowUpSchedule;
}

let loaded: ClinicalContent | undefined;

function readJson(...parts: string[]): unknown {
  const path = resourcePath(...parts);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${path}: ${String(error)}`);
  }
}

export function clinicalContent(): ClinicalContent {
  loaded ??= {
    catalog: catalogSchema.parse(readJson('catalog', 'treatments.json')),
    rules: rulesSchema.parse(readJson('rules', 'contraindications.json')),
    followUps: followUpScheduleSchema.parse(readJson('followups', 'schedule.json')),
  };
  return loaded;
}
