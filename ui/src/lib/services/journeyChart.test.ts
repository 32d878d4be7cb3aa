import { describe, expect, it } from 'vitest';
import { axisTop, bars } from './journeyChart';

describe('journey chart bars', () => {
  it('gives one bar per day for a week, labelled by weekday, in whole minutes', () => {
    const b = bars([{ date: '2026-12-01', seconds: 0 }, { date: '2026-12-02', seconds: 450 }], 'week');
    expect(b.map((x) => x.label)).toEqual(['Tue', 'Wed']);
    expect(b[1]!.minutes).toBe(8);
    expect(b[0]!.spoken).toBe('Tuesday, December 1: no listening');
    expect(b[1]!.spoken).toBe('Wednesday, December 2: 8 minutes');
  });

  it('sums a year into months', () => {
    const days = [
      { date: '2026-11-30', seconds: 600 },
      { date: '2026-12-01', seconds: 300 },
      { date: '2026-12-02', seconds: 330 },
    ];
    const b = bars(days, 'year');
    expect(b.map((x) => [x.label, x.minutes])).toEqual([['Nov', 10], ['Dec', 11]]);
    expect(b[1]!.spoken).toBe('December 2026: 11 minutes');
  });

  it('labels every fifth day of a month and the last', () => {
    const days = Array.from({ length: 12 }, (_, i) => ({ date: `2026-12-${String(i + 1).padStart(2, '0')}`, seconds: 60 }));
    expect(bars(days, 'month').map((x) => x.label)).toEqual(['1', '', '', '', '', '6', '', '', '', '', '11', '12']);
  });

  it('rounds the axis up to a friendly number', () => {
    expect(axisTop([0, 0])).toBe(10);
    expect(axisTop([12, 7])).toBe(15);
    expect(axisTop([61])).toBe(90);
    expect(axisTop([5000])).toBe(5400);
  });
});
