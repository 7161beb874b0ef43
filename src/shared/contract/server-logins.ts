// The clinic server's database logins (docs/clinic-server.md, "Logins, roles and branches"): an admin gives a
// coordinator's profile its own PostgreSQL login. The password is made by the app, returned once, and kept by the
// PC that will use it (its keychain in the desktop app, a sealed file for the CLI and the preview); nothing keeps
// it anywhere else, the server holds a SCRAM verifier only.
import { z } from 'zod';
import { channel } from './define-channel';

export interface ServerLoginMade {
  readonly coordinatorId: string;
  /** The PostgreSQL role to log in as. */
  readonly login: string;
  /** Shown or stored once; never logged. */
  readonly password: string;
}

export const serverLoginsChannels = {
  /**
   * Makes the profile's database login, a member of its role's group (clinicdesk_coordinator, _doctor, _admin).
   * Refused: to anyone but an admin (forbidden, admin_only), on a single PC's file (server_only), for a profile
   * that already has one (has_login).
   */
  addServerLogin: channel<ServerLoginMade>()(z.strictObject({ coordinatorId: z.uuid('invalid') })),
};
