// The door's object is written out by name (so the checker types each entry); this checks what the checker cannot:
// that every name binds its own channel, and every channel has its name.
import { describe, expect, it } from 'vitest';
import { CHANNELS, fail } from '../../../src/shared/contract';
import { apiFrom } from '../../../src/shared/contract/api-from';

describe('apiFrom', () => {
  it('binds each channel under its own name, and every channel', () => {
    const bound: string[] = [];
    const api = apiFrom((channel) => {
      bound.push(channel);
      return async () => fail('internal', channel);
    });
    // Bound in the order the object is written: a name binding another channel shows as a difference here.
    expect(bound).toEqual(Object.keys(api));
    expect([...bound].sort()).toEqual([...CHANNELS].sort());
  });
});
