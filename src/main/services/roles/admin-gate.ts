// The app's side of the roles (domain/coordinators/coordinator-roles.ts): what only a clinic admin may do is refused
// here to a signed-in coordinator or doctor. Asked inside the transaction that writes, since an admin may change
// the profile's role in between. Nobody signed in is the CLI (it holds the database key, more than any role gives)
// or a door opened without sign-in; on the clinic server the login's own grants still apply to them (0021).
import { fail, issue } from '../../../shared/contract';
import { mayDo, type AdminAction } from '../../../shared/domain/coordinators/coordinator-roles';
import type { Repositories } from '../../db/store/store';
import type { CoordinatorSession } from '../sessions/coordinator-session';

export async function refuseUnlessAdmin(tx: Repositories, session: CoordinatorSession, action: AdminAction, field: string) {
  const current = session.current;
  if (!current) return null;
  const row = await tx.coordinators.byId(current.id);
  if (row && mayDo(row.role, action)) return null;
  return fail('forbidden', 'Only a clinic admin can do this.', [issue([field], 'admin_only')]);
}
