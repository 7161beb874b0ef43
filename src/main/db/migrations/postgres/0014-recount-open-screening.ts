import type { Migration } from '../migration';

// 0014 in PostgreSQL: data only, as in SQLite. json_type(..., '$.implantedDevice') IS NULL means "no such key"
// (a JSON null is the text 'null'), as jsonb's -> gives SQL NULL only for a missing key.
export const postgresMigration0014: Migration = {
  version: 14,
  name: 'recount-open-screening',
  sql: `
UPDATE patients SET screening_open = screening_open + 5
  WHERE screening_json::jsonb -> 'implantedDevice' IS NULL;
`,
};
