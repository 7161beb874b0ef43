import type { Migration } from './migration';

// Money after the quote. `payments`: every deposit, payment, refund and correction as a record, in integer minor
// units of the currency paid with its KRW value at its own rate; never changed, never deleted (a mistake is
// corrected by a reversing record linked to it): triggers refuse every UPDATE, and every DELETE while the patient's
// record exists, as for quote versions; the records go with their patient (ON DELETE CASCADE) only when the whole
// record is destroyed at the end of its retention. Each record has a receipt number, one sequence per branch and
// year, drawn from `receipt_counters` in the same transaction as the record, so a rolled-back save leaves no gap
// and two saves never get one number (the UNIQUE constraint says so too). `direction` is the record's effect on
// the money the clinic holds (+1 a deposit or payment, -1 a refund; a correction the opposite of what it reverses), so
// a report sums a date range without reading what each correction reversed. `agencies`: the registered agencies that
// refer patients and their terms; an agency is archived rather than deleted, since commissions name it.
// Additive only.
export const migration0020: Migration = {
  version: 20,
  name: 'payments',
  sql: `
CREATE TABLE agencies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  registration_number TEXT NOT NULL,
  registration_expires TEXT NOT NULL,
  contact TEXT NOT NULL DEFAULT '',
  terms_json TEXT NOT NULL CHECK (json_valid(terms_json)),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
-- One agency per registration number among those in use (the intake's referral names it by its number).
CREATE UNIQUE INDEX agencies_by_registration ON agencies (registration_number) WHERE archived_at IS NULL;

CREATE TABLE receipt_counters (
  branch TEXT NOT NULL,
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),
  last_number INTEGER NOT NULL CHECK (last_number > 0),
  PRIMARY KEY (branch, year)
) STRICT;

CREATE TABLE payments (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  patient_seq INTEGER NOT NULL REFERENCES patients (seq) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('deposit', 'payment', 'refund', 'correction')),
  date TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('card', 'cash', 'bank_transfer', 'foreign_cash', 'online')),
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  krw INTEGER NOT NULL CHECK (krw > 0),
  direction INTEGER NOT NULL CHECK (direction IN (1, -1)),
  rate_krw_per_unit TEXT,
  rate_date TEXT,
  rate_source TEXT,
  taken_by TEXT NOT NULL,
  -- Checked by the service against the versions the patient was sent; no foreign key, so quote_versions stays a
  -- table nothing references (its own triggers, and TRUNCATE on PostgreSQL, refuse changes with their own words).
  quote_version INTEGER,
  lines_json TEXT NOT NULL CHECK (json_valid(lines_json)),
  linked_id TEXT REFERENCES payments (id),
  reason TEXT NOT NULL DEFAULT '',
  branch TEXT NOT NULL,
  receipt_year INTEGER NOT NULL,
  receipt_number INTEGER NOT NULL CHECK (receipt_number > 0),
  recorded_at TEXT NOT NULL,
  UNIQUE (branch, receipt_year, receipt_number),
  CHECK ((currency = 'KRW') = (rate_krw_per_unit IS NULL)),
  CHECK ((kind IN ('refund', 'correction')) = (linked_id IS NOT NULL))
) STRICT;

CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments BEGIN
  SELECT RAISE(ABORT, 'a payment record is never changed: correct it with a reversing record');
END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
  WHEN EXISTS (SELECT 1 FROM patients WHERE seq = OLD.patient_seq) BEGIN
  SELECT RAISE(ABORT, 'a payment record is never changed: correct it with a reversing record');
END;

-- A patient's records, in the order they were made:
CREATE INDEX payments_by_patient ON payments (patient_seq, seq);
-- The payments report reads a date range by day, kind, method and currency from this index alone (covering):
CREATE INDEX payments_by_date ON payments (date, method, kind, currency, direction, amount_minor, krw);
-- What a correction or refund points at:
CREATE INDEX payments_by_link ON payments (linked_id) WHERE linked_id IS NOT NULL;
`,
};
