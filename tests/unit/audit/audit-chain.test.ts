// The hash chain and the changed-field paths, as pure functions.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  canonicalForm,
  chainEntry,
  entryHash,
  GENESIS_HASH,
  verifyChain,
  verifyEntries,
  type AuditEntry,
} from '../../../src/main/services/audit/audit-chain';
import { changedPaths } from '../../../src/shared/domain/audit/changed-paths';

const PATIENT = '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f';

function chainOf(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let n = 0; n < count; n++) {
    entries.push(
      chainEntry(
        { at: `2026-11-24T01:00:0${n % 10}.000Z`, actor: 'Park Ji-won', action: 'patient.update', patientId: PATIENT, fields: [`f${n}`] },
        entries.at(-1),
      ),
    );
  }
  return entries;
}

describe('the audit hash chain', () => {
  it('starts from the genesis value and links each entry to the one before', () => {
    const [first, second] = chainOf(2);
    expect(first!.seq).toBe(1);
    expect(first!.prevHash).toBe(GENESIS_HASH);
    expect(second!.prevHash).toBe(first!.hash);
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first!.hash).toBe(entryHash(first!, GENESIS_HASH));
  });

  it('hashes a canonical form that does not depend on key order and keeps fields apart', () => {
    const entry = { seq: 1, at: 'a', actor: 'b', action: 'c', patientId: null, fields: ['x'] };
    const reordered = { fields: ['x'], patientId: null, action: 'c', actor: 'b', at: 'a', seq: 1 };
    expect(canonicalForm(entry, GENESIS_HASH)).toBe(canonicalForm(reordered, GENESIS_HASH));
    // Moving a character from one field to the next must change the hash.
    expect(entryHash({ ...entry, actor: 'bc', action: '' }, GENESIS_HASH)).not.toBe(
      entryHash({ ...entry, actor: 'b', action: 'c' }, GENESIS_HASH),
    );
  });

  it('an intact chain verifies, and an empty one too', async () => {
    expect(await verifyChain(chainOf(50))).toEqual({ checked: 50, firstBroken: null });
    expect(await verifyChain([])).toEqual({ checked: 0, firstBroken: null });
  });

  it('walks a stream from the database as it walks an array, and stops reading at the first broken entry', async () => {
    const entries = chainOf(10);
    entries[3] = { ...entries[3]!, actor: 'x' };
    let read = 0;
    async function* stream() {
      for (const entry of entries) {
        read += 1;
        yield entry;
      }
    }
    expect(await verifyChain(stream())).toEqual(await verifyChain(entries));
    expect(read).toBe(4);
  });

  it('any one altered field is caught at that entry', async () => {
    const fields = ['at', 'actor', 'action', 'patientId', 'fields', 'prevHash', 'hash'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 19 }),
        fc.constantFrom(...fields),
        fc.string({ minLength: 1 }),
        async (index, field, junk) => {
          const entries = chainOf(20);
          const original = entries[index]!;
          const value = field === 'fields' ? [...original.fields, junk] : `${String(original[field])}${junk}`;
          entries[index] = { ...original, [field]: value };
          const result = await verifyChain(entries);
          expect(result.firstBroken?.seq).toBe(original.seq);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a removed or swapped entry is caught where the order breaks', async () => {
    const removed = chainOf(10);
    removed.splice(4, 1);
    expect((await verifyChain(removed)).firstBroken).toEqual({ seq: 6, reason: 'wrong_position' });
    const swapped = chainOf(10);
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    expect((await verifyChain(swapped)).firstBroken).toEqual({ seq: 5, reason: 'wrong_position' });
  });

  it('a rewritten entry with a recomputed hash is caught at the next entry', async () => {
    const entries = chainOf(5);
    const forged = { ...entries[2]!, actor: 'someone else' };
    entries[2] = { ...forged, hash: entryHash(forged, forged.prevHash) };
    expect((await verifyChain(entries)).firstBroken).toEqual({ seq: 4, reason: 'wrong_previous_hash' });
  });
});

describe('checking some entries of a chain', () => {
  it('agrees with the whole walk on which of the chosen entries is broken first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 19 }), fc.subarray([...Array(20).keys()], { minLength: 1 }), (tampered, chosen) => {
        const entries = chainOf(20);
        entries[tampered] = { ...entries[tampered]!, actor: 'x' };
        const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
        const result = verifyEntries(
          chosen.map((index) => entries[index]!),
          (seq) => bySeq.get(seq),
        );
        expect(result.firstBroken).toEqual(chosen.includes(tampered) ? { seq: tampered + 1, reason: 'wrong_hash' } : null);
      }),
      { numRuns: 300 },
    );
  });

  it('finds an entry whose predecessor is gone', () => {
    const entries = chainOf(3);
    expect(verifyEntries([entries[2]!], () => undefined).firstBroken).toEqual({ seq: 3, reason: 'wrong_position' });
  });
});

describe('changed field paths', () => {
  it('names the leaves that changed, never the values', () => {
    const before = {
      phone: '+82101',
      trip: { arrival: '2026-12-01', departure: '2026-12-15' },
      languages: ['ko'],
      consents: [{ kind: 'a', withdrawnAt: null }],
    };
    const after = {
      phone: '+82102',
      trip: { arrival: '2026-12-01', departure: '2026-12-20' },
      languages: ['ko', 'en'],
      consents: [{ kind: 'a', withdrawnAt: '2026-12-02' }],
    };
    expect(changedPaths(before, after)).toEqual(['consents.0.withdrawnAt', 'languages', 'phone', 'trip.departure']);
    expect(changedPaths(before, structuredClone(before))).toEqual([]);
  });

  it('treats an added or removed key as a change at that key', () => {
    expect(changedPaths({ a: 1 }, { a: 1, b: { c: 2 } })).toEqual(['b']);
    expect(changedPaths({ items: [{ s: 'scheduled' }] }, { items: [{ s: 'done', record: {} }] })).toEqual(['items.0.record', 'items.0.s']);
  });

  it('is empty exactly when the two are deeply equal, and lists no path twice', () => {
    // Through JSON first, as stored records are (-0 becomes 0).
    const json = fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown);
    const pair = fc.oneof(
      fc.tuple(json, json),
      json.map((value) => [value, structuredClone(value)] as const),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const paths = changedPaths(a, b);
        expect(paths.length === 0).toBe(isDeepStrictEqual(a, b));
        expect(new Set(paths).size).toBe(paths.length);
      }),
      { numRuns: 500 },
    );
  });
});
