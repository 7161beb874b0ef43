import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputOf } from '../src/shared/contract';
import { caseFileSchema } from '../src/shared/domain/intake/case-file';

/** A case file from the test fixtures, as the plan benchmark's patient: read with the case schema, which types it
 * as the contract takes it. */
export function fixtureCase(language: string): InputOf<'checkCasePlan'>['caseFile'] {
  return caseFileSchema.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, '..', 'tests', 'fixtures', 'cases', `${language}.json`), 'utf8')),
  );
}
