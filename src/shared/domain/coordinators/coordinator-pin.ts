// Coordinator PINs and the wait after wrong ones: pure rules, no Node. The hashing (scrypt) is in the service.
import { z } from 'zod';

/** 4 to 8 digits: quick to type at a shared clinic PC, and only ever the second lock behind the OS account. */
export const pinSchema = z.string('invalid_pin').regex(/^\d{4,8}$/, 'invalid_pin');

export const coordinatorNameSchema = z.string().trim().min(1, 'required').max(100, 'too_long');

/** Wrong PINs in a row before a profile must wait, and how long. */
export const MAX_WRONG_PINS = 5;
export const WRONG_PIN_WAIT_MS = 30_000;

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

/** After a wrong PIN: the MAX_WRONG_PINS-th in a row starts the wait and the count again. */
export function afterWrongPin(throttle: PinThrottle, now: number): PinThrottle {
  const wrong = throttle.wrong + 1;
  return wrong >= MAX_WRONG_PINS ? { wrong: 0, waitUntil: now + WRONG_PIN_WAIT_MS } : { wrong, waitUntil: throttle.waitUntil };
}

/** The idle lock's limits in minutes (clinic setting idleLockMinutes). */
export const IDLE_LOCK_MINUTES = { min: 1, max: 60, default: 5 } as const;
