// The data layer's policy, on the real QueryClient the app makes: a failed Result becomes a typed query error
// with its correlation id; only a busy door is asked again by itself; nothing is read again because the window
// took the focus or the network came back; an audited read (opening a patient) is read once per opening.
// Typechecked with the renderer (tsconfig.web.json).
import { focusManager, onlineManager, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { CallFailed, shouldRetry, valueOf } from '../../../../src/renderer/src/api/call-failed';
import { createQueryClient } from '../../../../src/renderer/src/api/query-client';
import { AUDITED_READS, readKey } from '../../../../src/renderer/src/api/query-keys';
import { fail, ok, type ErrorCode } from '../../../../src/shared/contract';

const PATIENT = '0b0c6a53-4d5f-4a4e-9d59-3a1f0c9b7e21';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(() => {
  focusManager.setFocused(undefined);
  onlineManager.setOnline(true);
});

describe('a failed Result as a query error', () => {
  it('keeps the typed error and its correlation id; a success is its value', () => {
    expect(valueOf('getCatalog', ok(3))).toBe(3);
    const refused = fail('internal', 'disk full');
    const thrown = (() => {
      try {
        valueOf('getCatalog', { ok: false, error: { ...refused.error, correlationId: 'ref-7' } });
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(thrown).toBeInstanceOf(CallFailed);
    const failed = thrown as CallFailed;
    expect(failed.channel).toBe('getCatalog');
    expect(failed.failure).toEqual({ code: 'internal', message: 'disk full', reference: 'ref-7' });
  });

  it('is asked again by itself only when the door was busy, and at most twice', () => {
    const failure = (code: ErrorCode) => new CallFailed('listSessions', fail(code, 'x').error);
    expect(shouldRetry(0, failure('busy'))).toBe(true);
    expect(shouldRetry(1, failure('busy'))).toBe(true);
    expect(shouldRetry(2, failure('busy'))).toBe(false);
    for (const code of ['invalid_input', 'not_found', 'forbidden', 'conflict', 'record_restricted', 'internal'] as const) {
      expect(shouldRetry(0, failure(code)), code).toBe(false);
    }
    expect(shouldRetry(0, new Error('not ours'))).toBe(false);
  });
});

describe('the QueryClient the app makes', () => {
  it('reads a list once, whatever the focus and the network do', async () => {
    const client = createQueryClient();
    // As the app's provider does: the client listens to the focus and the network from now on.
    client.mount();
    let reads = 0;
    const observer = new QueryObserver(client, {
      queryKey: readKey('listSessions', { from: '2027-03-08', to: '2027-03-14' }),
      queryFn: async () => ++reads,
    });
    const stop = observer.subscribe(() => undefined);
    await settle();
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    onlineManager.setOnline(false);
    onlineManager.setOnline(true);
    await settle();
    expect(reads).toBe(1);
    stop();
    client.unmount();
    client.clear();
  });

  it('reads an audited read once per opening: never again while open, again at the next opening', async () => {
    const client = createQueryClient();
    // As the app's provider does: the client listens to the focus and the network from now on.
    client.mount();
    let reads = 0;
    const options = { queryKey: readKey('getPatient', { id: PATIENT }), queryFn: async () => ++reads };
    const opening = new QueryObserver(client, options);
    const close = opening.subscribe(() => undefined);
    await settle();
    // Invalidating another channel, the focus: not a reason to read it again.
    await client.invalidateQueries({ queryKey: ['auditHistory'] });
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    await settle();
    expect(reads).toBe(1);
    expect(client.getQueryData(options.queryKey)).toBe(1);
    close();
    // The next opening, even at once (before the closed one's answer is dropped), reads and is logged again.
    const next = new QueryObserver(client, options);
    const closeNext = next.subscribe(() => undefined);
    await settle();
    expect(reads).toBe(2);
    // A write that changes it invalidates it: read again, while open.
    await client.invalidateQueries({ queryKey: ['getPatient'] });
    await settle();
    expect(reads).toBe(3);
    closeNext();
    client.unmount();
    client.clear();
  });

  it('names every audited read with the defaults of one', () => {
    const client = createQueryClient();
    for (const channel of AUDITED_READS) {
      expect(client.getQueryDefaults([channel, {}])).toMatchObject({ staleTime: Infinity, gcTime: 0, refetchOnMount: 'always' });
    }
  });
});
