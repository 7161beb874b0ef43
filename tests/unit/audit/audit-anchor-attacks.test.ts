// The attacks the hash chain alone cannot see, made as someone holding the database key would make them: drop the
// triggers through the raw handle, then rewrite the history with recomputed hashes, cut the tail, or empty the log.
// Each passes the chain check; each is reported once an anchor exists, and none is without one.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditVerification } from '../../../src/shared/contract/audit';
import type { Db } from '../../../src/main/db/open-database';
import { newAnchorKey, type AnchorKey } from '../../../src/main/security/anchor-key';
import { ANCHORS_FILE_NAME } from '../../../src/main/services/audit/anchor-file';
import { makeAnchor, paperCode } from '../../../src/main/services/audit/audit-anchor';
import { entryHash, GENESIS_HASH } from '../../../src/main/services/audit/audit-chain';
import { openServices, type OpenServices } from '../../../src/main/services/open-services';
import { fixtureIntake, movableClock } from '../../support/temp-services';
import { TEST_KEY } from '../../support/test-key';

let folder: string;
let services: OpenServices;
let clock: ReturnType<typeof movableClock>;
const anchorKey = newAnchorKey();
const anchorsFile = () => join(folder, ANCHORS_FILE_NAME);

function open(key: AnchorKey | undefined): void {
  services = openServices({ databasePath: join(folder, 'clinicdesk.sqlite'), key: TEST_KEY, anchorKey: key, now: clock.now });
}

async function verify(code?: string): Promise<AuditVerification> {
  const result = await services.dispatch('verifyAuditChain', code === undefined ? {} : { code });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** Six entries: three patients created, each opened once. */
async function someHistory(): Promise<void> {
  for (const language of ['ko', 'en', 'zh-Hans']) {
    const created = await services.dispatch('createPatient', { patient: fixtureIntake(language) });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    await services.dispatch('getPatient', { id: created.value.id });
  }
}

// --- The attacker, with the database key and the raw handle ---------------------------------------------------------

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  patient_id: string | null;
  fields_json: string;
}

const dropTriggers = (db: Db) => db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete');

/** Names someone else in entry `seq` (who opened a record, say) and rewrites every entry with hashes recomputed. */
function rewriteActor(db: Db, seq: number): void {
  dropTriggers(db);
  const rows = db.prepare<[], Row>('SELECT seq, at, actor, action, patient_id, fields_json FROM audit_log ORDER BY seq').all();
  db.transaction(() => {
    db.exec('DELETE FROM audit_log');
    let prevHash = GENESIS_HASH;
    rows
      .map((row) => (row.seq === seq ? { ...row, actor: 'someone else' } : row))
      .forEach((row, index) => {
        const entry = {
          seq: index + 1,
          at: row.at,
          actor: row.actor,
          action: row.action,
          patientId: row.patient_id,
          fields: JSON.parse(row.fields_json) as string[],
        };
        const hash = entryHash(entry, prevHash);
        db.prepare(
          'INSERT INTO audit_log (seq, at, actor, action, patient_id, fields_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(entry.seq, entry.at, entry.actor, entry.action, entry.patientId, row.fields_json, prevHash, hash);
        prevHash = hash;
      });
  })();
}

function cutTail(db: Db, keep: number): void {
  dropTriggers(db);
  db.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep);
}

function empty(db: Db): void {
  dropTriggers(db);
  db.exec('DELETE FROM audit_log');
}

const attacks = [
  { name: 'a history rewritten with recomputed hashes', run: (db: Db) => rewriteActor(db, 2), finding: 'rewritten', entries: 6 },
  { name: 'a tail cut off', run: (db: Db) => cutTail(db, 4), finding: 'cut_tail', entries: 4 },
  { name: 'an emptied log', run: empty, finding: 'emptied', entries: 0 },
] as const;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-anchor-'));
  clock = movableClock();
});
afterEach(() => {
  services.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('without an anchor key', () => {
  it.each(attacks)('$name passes the check: nothing outside the database says otherwise', async ({ run, entries }) => {
    open(undefined);
    await someHistory();
    expect(await services.context.anchors.anchor(clock.now())).toEqual({ written: false, reason: 'no_key' });
    run(services.context.db);
    const verified = await verify();
    expect(verified).toMatchObject({ firstBroken: null, entries, anchor: { keyed: false, against: 'none', finding: null } });
    expect(existsSync(anchorsFile())).toBe(false);
  });
});

describe('with an anchor', () => {
  it.each(attacks)('$name passes the chain but is reported against the anchor', async ({ run, finding, entries }) => {
    open(anchorKey);
    await someHistory();
    const anchored = await services.context.anchors.anchor(clock.now());
    expect(anchored).toMatchObject({ written: true, anchor: { count: 6 } });
    expect(await verify()).toMatchObject({
      firstBroken: null,
      entries: 6,
      anchor: { against: 'anchor', anchoredCount: 6, finding: null, tamperedLines: [] },
    });
    run(services.context.db);
    const verified = await verify();
    // The chain inside the database is consistent: the attack is seen only from outside it.
    expect(verified).toMatchObject({ firstBroken: null, entries, anchor: { keyed: true, against: 'anchor', anchoredCount: 6, finding } });
  });

  it("finds nothing in a log that only grew since the anchor, and gives the anchor's paper code", async () => {
    open(anchorKey);
    await someHistory();
    const anchored = await services.context.anchors.anchor(clock.now());
    if (!anchored.written) throw new Error('not anchored');
    await someHistory();
    const verified = await verify();
    expect(verified).toMatchObject({ firstBroken: null, entries: 12, anchor: { finding: null, anchoredCount: 6, code: anchored.code } });
    expect(anchored.code).toBe(paperCode(anchorKey, anchored.anchor));
  });

  it('does not anchor over a cut log, so the daily anchor never blesses the cut', async () => {
    open(anchorKey);
    await someHistory();
    expect(await services.context.anchors.anchorIfDue(clock.now())).toMatchObject({ written: true });
    expect(await services.context.anchors.anchorIfDue(clock.now())).toEqual({ written: false, reason: 'recent' });
    cutTail(services.context.db, 3);
    clock.set(new Date(clock.now().getTime() + 25 * 3600 * 1000));
    const before = readFileSync(anchorsFile(), 'utf8');
    expect(await services.context.anchors.anchorIfDue(clock.now())).toEqual({ written: false, reason: 'cut_tail' });
    expect(readFileSync(anchorsFile(), 'utf8')).toBe(before);
    expect((await verify()).anchor.finding).toBe('cut_tail');
    // After a restore the shorter log is right; whoever holds the anchor key says so.
    expect(await services.context.anchors.anchor(clock.now(), { acceptCurrent: true })).toMatchObject({
      written: true,
      anchor: { count: 3 },
    });
    expect((await verify()).anchor).toMatchObject({ anchoredCount: 3, finding: null });
  });

  it('does not anchor over a broken chain', async () => {
    open(anchorKey);
    await someHistory();
    services.context.db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone' WHERE seq = 2");
    expect(await services.context.anchors.anchor(clock.now())).toEqual({ written: false, reason: 'chain_broken' });
  });

  it('reports a forged anchor line (a MAC made without the anchor key) and still compares with the newest authentic one', async () => {
    open(anchorKey);
    await someHistory();
    await services.context.anchors.anchor(clock.now());
    // The attacker cuts the tail and writes an anchor for the cut log, under a key of their own.
    cutTail(services.context.db, 4);
    const last = services.context.db
      .prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
      .get()!;
    appendFileSync(anchorsFile(), `${JSON.stringify(makeAnchor(newAnchorKey(), { count: last.seq, head: last.hash }, clock.now()))}\n`);
    appendFileSync(anchorsFile(), 'not even json\n');
    const verified = await verify();
    expect(verified.anchor).toMatchObject({ against: 'anchor', anchoredCount: 6, finding: 'cut_tail', tamperedLines: [2, 3] });
  });

  it('detects a cut tail from the paper code alone, even with the anchors file gone and no anchor key', async () => {
    open(anchorKey);
    await someHistory();
    const anchored = await services.context.anchors.anchor(clock.now());
    if (!anchored.written) throw new Error('not anchored');
    expect((await verify(anchored.code)).anchor).toMatchObject({ against: 'code', anchoredCount: 6, finding: null, rewriteChecked: true });
    rmSync(anchorsFile());
    cutTail(services.context.db, 5);
    expect((await verify()).anchor).toMatchObject({ against: 'none', finding: null });
    expect((await verify(anchored.code.toLowerCase())).anchor).toMatchObject({ against: 'code', finding: 'cut_tail' });
    services.close();
    open(undefined);
    expect((await verify(anchored.code)).anchor).toMatchObject({
      keyed: false,
      against: 'code',
      finding: 'cut_tail',
      rewriteChecked: false,
    });
  });

  it('detects a rewrite from the paper code with the anchor key', async () => {
    open(anchorKey);
    await someHistory();
    const anchored = await services.context.anchors.anchor(clock.now());
    if (!anchored.written) throw new Error('not anchored');
    rewriteActor(services.context.db, 1);
    await someHistory(); // and the rewritten log grows on
    expect((await verify(anchored.code)).anchor).toMatchObject({ against: 'code', finding: 'rewritten' });
  });

  it('refuses a code that is not one, naming the field', async () => {
    open(anchorKey);
    const result = await services.dispatch('verifyAuditChain', { code: '12-ABCD' });
    expect(result.ok ? null : result.error.issues.map((issue) => [issue.path, issue.code])).toEqual([[['code'], 'invalid']]);
  });

  it('is written at the scheduled backup, after its entry, beside the database and in the backup folder', async () => {
    open(anchorKey);
    await someHistory();
    const result = await services.runScheduledBackup(clock.now());
    expect(result).toMatchObject({ made: true, anchored: { written: true, anchor: { count: 7 } } });
    const line = readFileSync(anchorsFile(), 'utf8');
    expect(readFileSync(join(folder, 'clinicdesk-backups', ANCHORS_FILE_NAME), 'utf8')).toBe(line);
  });
});
