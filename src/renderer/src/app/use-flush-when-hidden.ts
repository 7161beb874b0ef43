// Writes a pending draft when the window is hidden or closed, and when the screen goes away: nothing typed is lost
// to a closed window. Shared by the intake's and the plan's drafts.
import { useEffect } from 'react';

export function useFlushWhenHidden(flush: () => Promise<unknown>): void {
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [flush]);
}
