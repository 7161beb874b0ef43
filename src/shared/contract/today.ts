// The Today channel: the desk's day at a glance (domain/today/today-view.ts decides what is on it). "Today" is the
// services' own date in Korea, so every PC of a clinic sees the same day whatever its clock's zone.
import { z } from 'zod';
import type { TodayView } from '../domain/today/today-view';
import { channel } from './define-channel';
import type { DueFollowUp } from './followups';

export type TodayOverview = TodayView<DueFollowUp>;

export const todayChannels = {
  getToday: channel<TodayOverview>()(z.strictObject({})),
};
