import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A case file from the test fixtures, as the plan benchmark's patient. */
export function fixtureCase(language: string): { format: string; patient: Record<string, unknown> } {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'tests', 'fixtures', 'cases', `${language}.json`), 'utf8')) as {
    format: string;
    patient: Record<string, unknown>;
  };
}
