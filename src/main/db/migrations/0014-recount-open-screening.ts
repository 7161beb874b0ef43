import type { Migration } from './migration';

// Five yes/no screening questions were added (implanted device, metal implant, Koebner condition, hyaluronidase or
// venom allergy, asthma or sulfite). An intake stored before them never asked them: it reads them as "not asked",
// so the patient list's count of open questions (screening_open) grows by five for every such row. Data only: no
// table or column changes.
export const migration0014: Migration = {
  version: 14,
  name: 'recount-open-screening',
  sql: `
UPDATE patients SET screening_open = screening_open + 5
  WHERE json_type(screening_json, '$.implantedDevice') IS NULL;
`,
};
