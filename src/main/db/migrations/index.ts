import type { Migration } from './migration';
import { migration0001 } from './0001-patients';
import { migration0002 } from './0002-patient-search';
import { migration0003 } from './0003-photos';
import { migration0004 } from './0004-drafts';
import { migration0005 } from './0005-plans-and-settings';
import { migration0006 } from './0006-followups';
import { migration0007 } from './0007-followup-outcomes';
import { migration0008 } from './0008-referrals-and-report-sessions';

/** Every migration in order. A new one gets the next number and its own file and test. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008];

export const SCHEMA_VERSION = MIGRATIONS.length;
export type { Migration };
