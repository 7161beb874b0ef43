import type { TripStatus } from './vocabulary';

/** Where the patient is on `today` (a calendar date in Korea time): before, during or after the stay. */
export function tripStatus(trip: { arrival: string; departure: string }, today: string): TripStatus {
  if (today < trip.arrival) return 'upcoming';
  if (today > trip.departure) return 'departed';
  return 'in_korea';
}
