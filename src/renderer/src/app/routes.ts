// The screens are addressed by the URL hash, so a reload (or a crash and restart) comes back to the same screen,
// and a new patient's unsaved draft keeps its key.
export type Route =
  | { readonly screen: 'today' }
  | { readonly screen: 'patients' }
  | { readonly screen: 'new-patient'; readonly draftId: string }
  | { readonly screen: 'patient'; readonly id: string }
  | { readonly screen: 'plan'; readonly id: string }
  | { readonly screen: 'handouts'; readonly id: string }
  | { readonly screen: 'followups' }
  | { readonly screen: 'week' }
  | { readonly screen: 'settings' }
  | { readonly screen: 'reports' };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const fresh = new RegExp(`^/patients/new/(${UUID})$`).exec(path);
  if (fresh) return { screen: 'new-patient', draftId: fresh[1]! };
  const existing = new RegExp(`^/patients/(${UUID})$`).exec(path);
  if (existing) return { screen: 'patient', id: existing[1]! };
  const plan = new RegExp(`^/patients/(${UUID})/plan$`).exec(path);
  if (plan) return { screen: 'plan', id: plan[1]! };
  const handouts = new RegExp(`^/patients/(${UUID})/handouts$`).exec(path);
  if (handouts) return { screen: 'handouts', id: handouts[1]! };
  // The day is where the desk starts: a fresh window (no screen in its address) opens on Today.
  if (path === '' || path === '/' || path === '/today') return { screen: 'today' };
  if (path === '/settings') return { screen: 'settings' };
  if (path === '/followups') return { screen: 'followups' };
  if (path === '/week') return { screen: 'week' };
  if (path === '/reports') return { screen: 'reports' };
  return { screen: 'patients' };
}

export function hrefOf(route: Route): string {
  switch (route.screen) {
    case 'today':
      return '#/today';
    case 'patients':
      return '#/patients';
    case 'new-patient':
      return `#/patients/new/${route.draftId}`;
    case 'patient':
      return `#/patients/${route.id}`;
    case 'plan':
      return `#/patients/${route.id}/plan`;
    case 'handouts':
      return `#/patients/${route.id}/handouts`;
    case 'followups':
      return '#/followups';
    case 'week':
      return '#/week';
    case 'settings':
      return '#/settings';
    case 'reports':
      return '#/reports';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function newPatientRoute(): Route {
  return { screen: 'new-patient', draftId: crypto.randomUUID() };
}
