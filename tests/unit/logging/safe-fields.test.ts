// What the support log keeps of an error and of a refusal: the rules of safe-fields.ts on the messages SQLite,
// Node and zod really write, each with a value that must not survive.
import { describe, expect, it } from 'vitest';
import { issue } from '../../../src/shared/contract';
import { safeError, safeIssue, sanitizeMessage, stackFrames } from '../../../src/main/logging/safe-fields';

describe('an error message in the log', () => {
  it('loses quoted values, digit runs, bare non-Latin names, addresses and what follows a lone quote', () => {
    expect(sanitizeMessage("UNIQUE constraint failed: patients.native_name = 'Wang Fang'")).toBe(
      'UNIQUE constraint failed: patients.native_name = ?',
    );
    expect(sanitizeMessage('Unexpected token in JSON: {"name":"Olivia Bennett","phone":"+61412345678"}')).toBe(
      'Unexpected token in JSON: {?:?,?:?}',
    );
    expect(sanitizeMessage("ENOENT: no such file or directory, open '/home/kim/Documents/王芳.pdf'")).toBe(
      'ENOENT: no such file or directory, open ?',
    );
    expect(sanitizeMessage('No row for 王芳 born 1990-05-12, passport M12345678')).toBe('No row for ? born #-#-#, passport M#');
    expect(sanitizeMessage("cannot parse O'Brien, Mary: bad row")).toBe('cannot parse O?');
    expect(sanitizeMessage('mail olivia.bennett@example.com.au failed at https://example.com/a?b=1')).toBe('mail ? failed at ?');
    expect(sanitizeMessage('step 3 failed\n    at fake (x.ts:1:1)')).toBe('step 3 failed at fake (x.ts:1:1)');
    expect(sanitizeMessage('x'.repeat(500))).toHaveLength(201);
  });

  it('keeps the frames as folder/file:line:column only, no home folder, no function names', () => {
    const stack = [
      "Error: UNIQUE constraint failed: 'Wang'",
      '    at Statement.run (/home/kim.seoyeon/ClinicDesk/node_modules/better-sqlite3/lib/methods/wrappers.js:5:23)',
      '    at insert (file:///C:/Users/김서연/app/src/main/db/repositories/patients-repository.ts:120:9)',
      '    at async Promise.all (index 0)',
      '    at eval (eval at <anonymous> (native), <anonymous>:1:1)',
    ].join('\n');
    expect(stackFrames(stack)).toEqual(['methods/wrappers.js:5:23', 'repositories/patients-repository.ts:120:9']);
  });

  it("keeps an exception's class and library code; a thrown non-Error keeps its type only", () => {
    const sqlite = Object.assign(new TypeError("bad value 'Nguyễn Thị Lan'"), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(safeError(sqlite)).toMatchObject({ class: 'TypeError', errno: 'SQLITE_CONSTRAINT_UNIQUE', message: 'bad value ?' });
    expect(safeError(Object.assign(new Error('x'), { code: 'a name' }))).not.toHaveProperty('errno');
    expect(safeError('Olivia Bennett')).toEqual({ class: 'thrown string', message: '', frames: [] });
    expect(safeError({ name: 'Olivia' })).toEqual({ class: 'thrown object', message: '', frames: [] });
  });
});

describe('a refusal in the log', () => {
  it("keeps each issue's path and code, never a key or file name the sender chose", () => {
    expect(safeIssue(issue(['patient', 'phone'], 'invalid_phone'))).toEqual({ path: 'patient.phone', code: 'invalid_phone' });
    expect(safeIssue(issue(['plan', 'items', 2, 'status'], 'session_in_future'))).toEqual({
      path: 'plan.items.2.status',
      code: 'session_in_future',
    });
    expect(safeIssue(issue(['settings', 'prices', 'pico-laser'], 'invalid'))).toEqual({
      path: 'settings.prices.pico-laser',
      code: 'invalid',
    });
    // An unknown field's name is the sender's: "Wang" would read as a field name otherwise.
    expect(safeIssue(issue(['patient', 'Wang'], 'unknown_field'))).toEqual({ path: 'patient.?', code: 'unknown_field' });
    expect(safeIssue(issue(['王芳 bookings.csv', 5, 'phone'], 'invalid_phone'))).toEqual({ path: '?.5.phone', code: 'invalid_phone' });
  });
});
