// Which fields an edit changed, as dotted paths ("phone", "trip.departure", "consents.1.withdrawnAt"), never
// the values: the audit log says what was touched without copying health data into a second place.
// Pure, so it is tested alone and the renderer could use it too.

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Paths where `before` and `after` differ, sorted. Objects are compared key by key; arrays of the same length
 * item by item (so a withdrawn consent reads "consents.1.withdrawnAt"); an array that grew or shrank is one
 * change at its own path ("items"), since index-by-index paths would then say nothing useful.
 */
export function changedPaths(before: Json, after: Json, prefix = ''): string[] {
  if (before === after) return [];
  const here = prefix === '' ? [] : [prefix];
  const join = (key: string | number) => (prefix === '' ? String(key) : `${prefix}.${key}`);
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return here.length > 0 ? here : ['(root)'];
    return before.flatMap((item, index) => changedPaths(item, after[index], join(index))).sort();
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    // A key missing on one side and undefined on the other is the same thing once stored as JSON.
    return keys.flatMap((key) => changedPaths(before[key], after[key], join(key))).sort();
  }
  return here.length > 0 ? here : ['(root)'];
}
