import type { Migration } from './migration';

// Whose draft each unsaved intake is: the coordinator signed in (or locked) as it was first saved, so drafts can
// be capped per coordinator. Drafts saved before this, or with no profiles, have none. Additive only.
export const migration0017: Migration = {
  version: 17,
  name: 'draft-owners',
  sql: `
ALTER TABLE drafts ADD COLUMN coordinator_id TEXT;
CREATE INDEX drafts_by_coordinator ON drafts (coordinator_id);
`,
};
