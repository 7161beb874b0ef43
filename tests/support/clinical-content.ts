import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogSchema, type Catalog } from '../../src/shared/domain/catalog/catalog-schema';

const ROOT = join(import.meta.dirname, '..', '..');

/** The real catalog, as the app loads it. */
export function realCatalog(): Catalog {
  return catalogSchema.parse(JSON.parse(readFileSync(join(ROOT, 'resources/catalog/treatments.json'), 'utf8')));
}
