// Services over a real temporary SQLite file (no mocks), with a fixed clock so "today" is known.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServices, type OpenServices } from '../../src/main/services/open-services';
import type { InputOf, Result } from '../../src/shared/contract';
import { caseFileSchema } from '../../src/shared/domain/intake/case-file';
import { TEST_KEY } from './test-key';

/** 2026-11-24 10:00 in Korea. */
export const FIXED_NOW = new Date('2026-11-24T01:00:00Z');

export interface TempServices extends OpenServices {
  readonly folder: string;
  /** Every row of every table, as one string: equal before and after means nothing changed. */
  snapshot(): string;
  dispose(): void;
}

/** A clock a test can move: sessions are planned before the stay and marked done after them. */
export function movableClock(start: Date = FIXED_NOW): { readonly now: () => Date; set(to: Date | string): void } {
  let current = start;
  return {
    now: () => current,
    set(to) {
      current = typeof to === 'string' ? new Date(to) : to;
    },
  };
}

/** `now`: a fixed time or a clock (see movableClock). `existing`: open that folder (a restored one, say) instead of
 * a new one; dispose then deletes it too. */
export function openTempServices(
  now: Date | (() => Date) = FIXED_NOW,
  existing?: string,
  options: { requireSignIn?: boolean } = {},
): TempServices {
  const folder = existing ?? mkdtempSync(join(tmpdir(), 'clinicdesk-test-'));
  const clock = typeof now === 'function' ? now : () => now;
  const services = openServices({ databasePath: join(folder, 'clinicdesk.sqlite'), key: TEST_KEY, now: clock, ...options });
  const db = services.context.db;
  return {
    ...services,
    folder,
    snapshot() {
      const tables = db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'patient_search_index%' ORDER BY name",
        )
        .all();
      return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
    },
    dispose() {
      services.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The value of a result that must have succeeded for the test to go on; otherwise its error, thrown whole. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.issues)}`);
  return result.value;
}

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** A case file from the fixtures as it is on disk, for tests of the schema itself. */
export function fixtureCaseJson(language: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, 'cases', `${language}.json`), 'utf8'));
}

/** A case file as the contract takes it (checkCasePlan, makeCaseHandout...). Read with the case schema, which types
 * it and stops a fixture that drifted from the schema here rather than inside a test; the fixtures are written as
 * the schema reads them, so what it returns is what the file holds. */
export function fixtureCase(language: string): CaseFileInput {
  return caseFileSchema.parse(fixtureCaseJson(language));
}

export type CaseFileInput = InputOf<'checkCasePlan'>['caseFile'];
export type IntakeInput = InputOf<'createPatient'>['patient'];
export type PlanInput = InputOf<'savePatientPlan'>['plan'];
export type PlanItemInput = PlanInput['items'][number];

export const FIXTURE_LANGUAGES = readdirSync(join(FIXTURES, 'cases')).map((file) => file.replace(/\.json$/, ''));

/** A valid intake (no id, no photos) from a fixture, for create calls. */
export function fixtureIntake(language = 'en'): IntakeInput {
  const { id: _id, photos: _photos, ...patient } = fixtureCase(language).patient;
  return patient;
}
