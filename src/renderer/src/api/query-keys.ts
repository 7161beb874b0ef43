// The query cache's keys, one per contract channel and input: `[channel]` names every cached read of a channel
// (what an invalidation after a write names), `[channel, input]` one read. Built only here, from the contract's
// channel names, so a key can never drift from the channel it caches.
import type { Channel, InputOf } from '../../../shared/contract';

export type ChannelKey<C extends Channel> = readonly [C] | readonly [C, InputOf<C>];

/** Every cached read of a channel: what a write invalidates. */
export function channelKey<C extends Channel>(channel: C): readonly [C] {
  return [channel];
}

/** One read: the channel with its input (inputs are plain data, compared by value). */
export function readKey<C extends Channel>(channel: C, input: InputOf<C>): readonly [C, InputOf<C>] {
  return [channel, input];
}

/** The reads the services log in the audit trail (opening a patient, opening a plan): each opening of a screen is
 * one entry, so these are fetched once per opening and never again by themselves. */
export const AUDITED_READS = ['getPatient', 'getPatientPlan'] as const satisfies readonly Channel[];

/** The reads that say who may use the app: kept when the screen locks; every other cached answer is patient data
 * or clinic data read on behalf of whoever was signed in, and is dropped. */
export const SESSION_READS = ['listCoordinators', 'getClinicSettings'] as const satisfies readonly Channel[];
