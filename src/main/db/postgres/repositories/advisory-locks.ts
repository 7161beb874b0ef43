// The advisory lock keys of the repositories, in the two-integer form (pg_advisory_xact_lock(key1, key2)), whose key
// space does not overlap the one-bigint form the store's scheduled work uses. key1 names the purpose; 'CDsk', 1 is
// the migrations' (../migrate.ts).
export const CLINICDESK_LOCK = 0x4344736b; // 'CDsk'
/** The audit chain's head: one appender at a time, across every connection to the database (key2 = 2). */
export const AUDIT_CHAIN_LOCK = [CLINICDESK_LOCK, 2] as const;
/** A patient's quote numbers: key2 is the patient's seq. */
export const QUOTE_VERSIONS_LOCK = 0x43447176; // 'CDqv'
/** One image's sealed files (photo-files-repository.ts): key2 is hashtext of the image's sha256. */
export const PHOTO_FILES_LOCK = 0x43447068; // 'CDph'
