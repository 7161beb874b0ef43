// Database logins on the clinic server (contract/server-logins.ts). The password and its SCRAM verifier are made
// outside the transaction (PBKDF2 takes milliseconds); inside it the admin check, the profile, the role and the
// profile's login are decided and written together with the audit entry, so a login is never made without its
// profile, nor logged without being made. The server checks again: clinicdesk_add_login runs only for admins.
import { randomBytes } from 'node:crypto';
import type { Handlers } from '../../shared/contract';
import { fail, invalid, issue, ok } from '../../shared/contract';
import { groupRoleOf } from '../../shared/domain/coordinators/coordinator-roles';
import { newLoginPassword, scramVerifier } from '../security/scram-verifier';
import { refuseUnlessAdmin } from './roles/admin-gate';
import type { ServiceContext } from './service-context';

/** A login's name: ours by its prefix (clinicdesk_add_login accepts no other), unique across the server's databases. */
const newLoginName = () => `clinicdesk_login_${randomBytes(8).toString('hex')}`;

export function createServerLoginsService(context: ServiceContext) {
  const handlers = {
    async addServerLogin({ coordinatorId }) {
      const session = context.session;
      const password = newLoginPassword();
      const verifier = scramVerifier(password);
      const login = newLoginName();
      return context.store.transaction(async (tx) => {
        if (!tx.serverLogins) return invalid([issue(['coordinatorId'], 'server_only')]);
        const refused = await refuseUnlessAdmin(tx, session, 'enrolment', 'coordinatorId');
        if (refused) return refused;
        const profile = await tx.coordinators.byId(coordinatorId);
        if (!profile) return fail('not_found', `No coordinator with id ${coordinatorId}.`, [issue(['coordinatorId'], 'invalid')]);
        if ((await tx.serverLogins.loginOf(coordinatorId)) !== null) return invalid([issue(['coordinatorId'], 'has_login')]);
        await tx.serverLogins.create(login, verifier, groupRoleOf(profile.role));
        if (!(await tx.serverLogins.attach(coordinatorId, login)))
          throw new Error(`The profile ${coordinatorId} changed while its login was made.`);
        await tx.audit.record('settings.save', null, ['coordinators.login']);
        return ok({ coordinatorId, login, password });
      });
    },
  } satisfies Pick<Handlers, 'addServerLogin'>;
  return handlers;
}
