// After a refused submit, focus goes to the first field in error in the order the coordinator reads the form (the
// DOM's), not the order the errors were found in. An effect, not a timer: the errors must be on screen first.
// The form library hands its own refusals to the screen before it renders them and counts the submit with them,
// so the effect also runs when `submitCount` changes; a door's refusal asks for focus with the returned function.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export function useFocusFirstError(
  container: RefObject<HTMLElement | null>,
  submitCount: number,
  fallbackSelector = '.banner--error',
): () => void {
  const [request, setRequest] = useState(0);
  const handledRequest = useRef(0);
  useEffect(() => {
    const asked = request !== handledRequest.current;
    handledRequest.current = request;
    const first = container.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    // A fieldset (languages, screening answers) cannot take focus itself; its first control can.
    const target = first?.matches('fieldset') ? first.querySelector<HTMLElement>('input, select, textarea') : first;
    // With no field in error (a refusal about the whole record), the banner that says why takes the focus.
    if (target) target.focus();
    else if (asked) container.current?.querySelector<HTMLElement>(fallbackSelector)?.focus();
  }, [request, submitCount, container, fallbackSelector]);
  return useCallback(() => setRequest((count) => count + 1), []);
}
