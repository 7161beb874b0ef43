// Channels of the coordinator profiles (issue 7, part 6): who works at this computer, signed in with a PIN. The
// signed-in coordinator is the one the audit log names. One session per door connection: the desktop app is
// one window per PC, and the preview server serves one coordinator at a time (README, "Coordinator profiles").
import { z } from 'zod';
import { channel } from './define-channel';
import { coordinatorNameSchema, pinSchema } from '../domain/coordinators/coordinator-pin';
import { coordinatorRoleSchema, type CoordinatorRole } from '../domain/coordinators/coordinator-roles';

export interface CoordinatorProfile {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  /** What the profile may do (domain/coordinators/coordinator-roles.ts). */
  readonly role: CoordinatorRole;
}

const coordinatorId = z.uuid('invalid');

export const coordinatorsChannels = {
  /** The active profiles, by name, and who is signed in (null: nobody, or no profiles yet). */
  listCoordinators: channel<{ readonly coordinators: readonly CoordinatorProfile[]; readonly signedIn: CoordinatorProfile | null }>()(
    z.strictObject({}),
  ),
  /**
   * Adds a profile (a PIN of 6 to 8 digits). The first one added, or one added while nobody is signed in, is signed
   * in at once. The first profile is the clinic's admin; later ones are added by an admin (enrolment), with the
   * role given (a coordinator by default).
   */
  addCoordinator: channel<CoordinatorProfile>()(
    z.strictObject({ name: coordinatorNameSchema, pin: pinSchema, role: coordinatorRoleSchema.optional() }),
  ),
  /**
   * Wrong PINs: an issue on `pin` (wrong_pin), each an audit entry; from the 5th in a row, too_many_attempts for
   * 30 seconds, doubling with each further one up to an hour, counted in the database until a right PIN.
   */
  signIn: channel<CoordinatorProfile>()(z.strictObject({ coordinatorId, pin: z.string('invalid_pin').max(8, 'invalid_pin') })),
  signOut: channel<{ readonly signedOut: true }>()(z.strictObject({})),
  /** The signed-in coordinator's PIN, with the current one. */
  changePin: channel<{ readonly changed: true }>()(
    z.strictObject({ currentPin: z.string('invalid_pin').max(8, 'invalid_pin'), newPin: pinSchema }),
  ),
};
