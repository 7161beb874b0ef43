// What a finding of a session without a date adds to its message, in Korean and English: the screens, the CLI and
// the documents say it the same way.
import type { FindingTiming } from './check-plan';

export function findingTimingNote(timing: FindingTiming | undefined, language: 'ko' | 'en'): string {
  if (timing === undefined) return '';
  if (timing.kind === 'undated') {
    const days = timing.firesFrom === timing.firesTo ? timing.firesFrom : `${timing.firesFrom}–${timing.firesTo}`;
    return language === 'ko' ? `날짜 미정: ${days}에 시술하면 해당됩니다.` : `Date not set: applies if done on ${days}.`;
  }
  if (timing.notBefore === null)
    return language === 'ko' ? '다음 방문: 날짜와 관계없이 해당됩니다.' : 'Next visit: applies whatever the date.';
  return language === 'ko' ? `다음 방문: ${timing.notBefore} 이전에는 해당됩니다.` : `Next visit: not before ${timing.notBefore}.`;
}
