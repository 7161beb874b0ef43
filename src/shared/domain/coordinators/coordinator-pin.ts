// Coordinator PINs and the wait after wrong ones: pure rules, no Node. The hashing (scrypt) and the count (in the
// database, so a restart does not clear it) are in the service.
import { z } from 'zod';

/**
 * A new PIN: 6 to 8 digits. Quick to type at a shared clinic PC, and the second lock behind the OS account; six
 * digits with the growing waits below put guessing a profile's PIN out of reach of a day at the keyboard.
 */
export const pinSchema = z.string('invalid_pin').regex(/^\d{6,8}$/, 'invalid_pin');

/** A PIN as typed at sign-in: profiles made before PINs needed 6 digits keep their 4 or 5 and still sign in. */
export const isPinShaped = (pin: string): boolean => /^\d{4,8}$/.test(pin);

export const coordinatorNameSchema = z.string().trim().min(1, 'required').max(100, 'too_long');

/** Wrong PINs in a row a profile gets without waiting. */
export const MAX_WRONG_PINS = 5;
/** The wait after the MAX_WRONG_PINS-th wrong PIN in a row; it doubles with every further one, up to the cap. */
export const WRONG_PIN_WAIT_MS = 30_000;
export const MAX_WRONG_PIN_WAIT_MS = 60 * 60 * 1000;

/** One profile's wrong PINs since its last right one, and until when it must wait (ms since epoch). */
export interface PinThrottle {
  readonly wrong: number;
  readonly waitUntil: number;
}

export const FRESH_THROTTLE: PinThrottle = { wrong: 0, waitUntil: 0 };

/** Milliseconds left to wait before another try, 0 when a try is allowed now. */
export function waitLeft(throttle: PinThrottle, now: number): number {
  return Math.max(0, throttle.waitUntil - now);
}

/** The wait after the `wrong`-th wrong PIN in a row: none before the 5th, then 30 s, 60 s, 2 min, ... up to 1 h. */
export function waitAfter(wrong: number): number {
  if (wrong < MAX_WRONG_PINS) return 0;
  const doublings = Math.min(wrong - MAX_WRONG_PINS, 32);
  return Math.min(WRONG_PIN_WAIT_MS * 2 ** doublings, MAX_WRONG_PIN_WAIT_MS);
}

/** After a wrong PIN: one more in the row (the count runs until a right PIN), and the wait that count brings. */
export function afterWrongPin(throttle: PinThrottle, now: number): PinThrottle {
  const wrong = throttle.wrong + 1;
  const wait = waitAfter(wrong);
  return { wrong, waitUntil: wait > 0 ? now + wait : throttle.waitUntil };
}

/** The idle lock's limits in minutes (clinic setting idleLockMinutes). */
export const IDLE_LOCK_MINUTES = { min: 1, max: 60, default: 5 } as const;
