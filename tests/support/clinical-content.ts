import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogSchema, type Catalog } from '../../src/shared/domain/catalog/catalog-schema';
import { rulesSchema, type Rule } from '../../src/shared/domain/rules/rule-schema';

const ROOT = join(import.meta.dirname, '..', '..');

/** The real catalog, as the app loads it. */
export function realCatalog(): Catalog {
  return catalogSchema.parse(JSON.parse(readFileSync(join(ROOT, 'resources/catalog/treatments.json'), 'utf8')));
}

/** The real contraindication rules. */
export function realRules(): Rule[] {
  return rulesSchema.parse(JSON.parse(readFileSync(join(ROOT, 'resources/rules/contraindications.json'), 'utf8')));
}
