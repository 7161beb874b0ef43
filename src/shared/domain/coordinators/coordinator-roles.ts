// Who may do what, kept small (issue 15): a coordinator looks after patients; a doctor does the same and
// acknowledges findings in their own name; a clinic admin also changes the clinic's settings and prices and enrols
// staff (profiles, database logins, branches). The app checks these in its services; on the clinic server each
// role is also a PostgreSQL group role whose grants say the same (migration 0021), so a client that skips the app
// is refused by the database.
import { z } from 'zod';

export const COORDINATOR_ROLES = ['coordinator', 'doctor', 'admin'] as const;
export type CoordinatorRole = (typeof COORDINATOR_ROLES)[number];

export const coordinatorRoleSchema = z.enum(COORDINATOR_ROLES, 'invalid_choice');

/** What only an admin may do. */
export type AdminAction = 'settings' | 'enrolment';

export const mayDo = (role: CoordinatorRole, _action: AdminAction): boolean => role === 'admin';

/** The PostgreSQL group role a login of this role is a member of (migration 0021). */
export const groupRoleOf = (role: CoordinatorRole): `clinicdesk_${CoordinatorRole}` => `clinicdesk_${role}`;

/**
 * The role of a profile being added: the first profile of a clinic sets it up, so it is its admin; later ones are
 * what the admin who adds them chose, a coordinator when not said.
 */
export const roleOfNewProfile = (isFirst: boolean, chosen: CoordinatorRole | undefined): CoordinatorRole =>
  isFirst ? 'admin' : (chosen ?? 'coordinator');
