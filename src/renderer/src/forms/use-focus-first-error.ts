// After a refused submit, focus goes to the first field in error in the order the coordinator reads the form (the
// DOM's), not the order the errors were found in. An effect, not a timer: after a door's round trip the errors
// may render later than the next animation frame.
import { useCallback, useEffect, useState, type RefObject } from 'react';

export function useFocusFirstError(container: RefObject<HTMLElement | null>, fallbackSelector = '.banner--error'): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    const first = container.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    // A fieldset (languages, screening answers) cannot take focus itself; its first control can.
    const target = first?.matches('fieldset') ? first.querySelector<HTMLElement>('input, select, textarea') : first;
    (target ?? container.current?.querySelector<HTMLElement>(fallbackSelector))?.focus();
  }, [request, container, fallbackSelector]);
  return useCallback(() => setRequest((count) => count + 1), []);
}
