import type { Migration } from './migration';
import { migration0001 } from './0001-patients';
import { migration0002 } from './0002-patient-search';
import { migration0003 } from './0003-photos';
import { migration0004 } from './0004-drafts';
import { migration0005 } from './0005-plans-and-settings';
import { migration0006 } from './0006-followups';
import { migration0007 } from './0007-followup-outcomes';
import { migration0008 } from './0008-referrals-and-report-sessions';
import { migration0009 } from './0009-audit-log';
import { migration0012 } from './0012-coordinator-profiles';
import { migration0013 } from './0013-patient-rights';
import { migration0014 } from './0014-recount-open-screening';
import { migration0015 } from './0015-pin-attempts';
import { migration0016 } from './0016-plan-drafts';
import { migration0017 } from './0017-draft-owners';
import { migration0018 } from './0018-quote-versions';
import { migration0019 } from './0019-search-pieces';
import { migration0022 } from './0022-server-photo-files';
import { migration0023 } from './0023-server-grants-for-later-tables';
import { migration0020 } from './0020-payments';
import { migration0021 } from './0021-roles-and-branches';

/**
 * Every migration in order of its number. A new one gets its number and its own file and test. Numbers are
 * handed out to parallel branches ahead of merging, so the list may have gaps (0010 and 0011 were never used: the
 * patient-rights migration was renumbered 0013 when it landed after 0012, since a database at 12 would skip an
 * 11); the database's user_version is the last migration's number, not the list's length.
 */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
  migration0022,
  migration0023,
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
export type { Migration };
