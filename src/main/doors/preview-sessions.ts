// The preview's credential: one-time tokens that become per-browser sessions. The preview prints a URL with a
// token; the browser that opens it first gets a session cookie (HttpOnly, so no script reads it; SameSite=Strict,
// so no other site's page sends it), and the token is spent. Anyone else on this machine (another OS user, a
// local process) can reach 127.0.0.1 but has no token and no cookie. Sessions live in memory: a restarted
// preview prints a new URL and every browser opens that one.
import { randomBytes } from 'node:crypto';
import type { CoordinatorSession } from '../services/sessions/coordinator-session';

const SECRET_BYTES = 32;
const secret = () => randomBytes(SECRET_BYTES).toString('base64url');

export interface PreviewSessions {
  /** A new one-time token, for the URL the preview prints. */
  issueToken(): string;
  /** Spends `token` and opens a session: its id (the cookie's value), or null for an unknown or spent token. */
  redeem(token: string): string | null;
  /** The session for a cookie value, or null. */
  find(id: string | undefined): CoordinatorSession | null;
}

/** `newSession`: the coordinator session a redeemed token opens (the services' sessions are separate objects). */
export function createPreviewSessions(newSession: () => CoordinatorSession): PreviewSessions {
  const tokens = new Set<string>();
  const sessions = new Map<string, CoordinatorSession>();
  return {
    issueToken() {
      const token = secret();
      tokens.add(token);
      return token;
    },
    redeem(token) {
      if (!tokens.delete(token)) return null;
      const id = secret();
      sessions.set(id, newSession());
      return id;
    },
    find(id) {
      return id === undefined ? null : (sessions.get(id) ?? null);
    },
  };
}

/** The cookie's name carries the port: cookies are shared across ports on 127.0.0.1, and two previews on one
 * machine must not read each other's. */
export function sessionCookieName(port: string): string {
  return `clinicdesk_session_${port}`;
}

export function sessionCookie(port: string, id: string): string {
  return `${sessionCookieName(port)}=${id}; Path=/; HttpOnly; SameSite=Strict`;
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
