import { describe, expect, it } from 'vitest';
import { foldForSearch, searchHaystack, searchNeedle } from '../../../src/shared/domain/intake/search-text';
import { addDays, daysBetween, isCalendarDate, todayIn } from '../../../src/shared/domain/intake/calendar-date';
import { tripStatus } from '../../../src/shared/domain/intake/trip-status';

describe('search folding', () => {
  it('drops Latin and Cyrillic diacritics, so "nguyen" finds Nguyễn and "andrei" finds Андрей', () => {
    expect(foldForSearch('Nguyễn Thị Thu Hương')).toBe('nguyen thi thu huong');
    expect(foldForSearch('Đặng')).toBe('dang');
    expect(foldForSearch('Андрей Ёлкин')).toBe('андреи елкин');
  });

  it('keeps Thai and Arabic marks and Japanese voicing marks, which change the name', () => {
    expect(foldForSearch('สมหญิง')).toBe('สมหญิง');
    expect(foldForSearch('مُحَمَّد')).toBe('مُحَمَّد');
    expect(foldForSearch('ガ')).toBe('ガ');
    expect(foldForSearch('ガ')).not.toBe(foldForSearch('カ'));
  });

  it('folds full-width Latin and compatibility forms (NFKC)', () => {
    expect(foldForSearch('ＷＡＮＧ　Fang')).toBe('wang fang');
  });

  it('searches a typed phone number as digits, in international and national form', () => {
    const haystack = searchHaystack({ names: { native: '김민지', latin: 'Kim Minji' }, phone: '+821012345678' });
    expect(haystack).toContain('821012345678');
    expect(haystack).toContain('01012345678');
    expect(searchNeedle('010-1234-5678')).toBe('01012345678');
    expect(searchNeedle('+82 10 1234')).toBe('82101234');
    expect(searchNeedle(' 민지 ')).toBe('민지');
  });
});

describe('calendar dates', () => {
  it('knows real dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
  });

  it('counts days across a month end and adds days', () => {
    expect(daysBetween('2026-11-28', '2026-12-03')).toBe(5);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('takes today in Korea time, whatever the computer says', () => {
    // 2026-11-24 20:00 UTC is already the 25th in Seoul, still the 24th in Los Angeles.
    const now = new Date('2026-11-24T20:00:00Z');
    expect(todayIn('Asia/Seoul', now)).toBe('2026-11-25');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-11-24');
  });

  it('places the patient before, during or after the stay; both ends are in Korea', () => {
    const trip = { arrival: '2026-12-01', departure: '2026-12-10' };
    expect(tripStatus(trip, '2026-11-30')).toBe('upcoming');
    expect(tripStatus(trip, '2026-12-01')).toBe('in_korea');
    expect(tripStatus(trip, '2026-12-10')).toBe('in_korea');
    expect(tripStatus(trip, '2026-12-11')).toBe('departed');
  });
});
