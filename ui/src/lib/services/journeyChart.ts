// Turns the journey's days into the bars the chart draws: a bar per day for a week or a month,
// a bar per month for a year (365 bars would be hairlines), each with a short axis label and the
// full sentence a screen reader says.
import type { JourneyDay, JourneyRange, Language } from '$lib/ipc/bindings';
import { STRINGS } from '$lib/i18n';

export type Bar = { key: string; label: string; date: string; spoken: string; minutes: number };

const parse = (date: string) => new Date(`${date}T12:00:00`);
const mins = (s: number) => Math.round(s / 60);

export function bars(days: JourneyDay[], range: JourneyRange, lang: Language = 'en'): Bar[] {
  const words = STRINGS[lang].pages.journey;
  if (range === 'year') {
    const months = new Map<string, number>();
    for (const d of days) months.set(d.date.slice(0, 7), (months.get(d.date.slice(0, 7)) ?? 0) + d.seconds);
    return [...months].map(([month, seconds]) => {
      const at = parse(`${month}-15`);
      const m = mins(seconds);
      return {
        key: month,
        label: at.toLocaleDateString(lang, { month: 'short' }),
        date: at.toLocaleDateString(lang, { month: 'long', year: 'numeric' }),
        spoken: words.bar(at.toLocaleDateString(lang, { month: 'long', year: 'numeric' }), words.spokenMinutes(m)),
        minutes: m,
      };
    });
  }
  return days.map((d, i) => {
    const at = parse(d.date);
    const m = mins(d.seconds);
    const label =
      range === 'week'
        ? at.toLocaleDateString(lang, { weekday: 'short' })
        : i % 5 === 0 || i === days.length - 1
          ? String(at.getDate())
          : '';
    return {
      key: d.date,
      label,
      date: at.toLocaleDateString(lang, { weekday: 'long', day: 'numeric', month: 'long' }),
      spoken: words.bar(at.toLocaleDateString(lang, { weekday: 'long', day: 'numeric', month: 'long' }), words.spokenMinutes(m)),
      minutes: m,
    };
  });
}

/** A round top for the axis: 10, 20, 30, 60, 120… minutes, at least the largest bar. */
export function axisTop(values: number[]): number {
  const max = Math.max(0, ...values);
  const steps = [10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 600, 900, 1200, 1800, 2400];
  return steps.find((s) => s >= max) ?? Math.ceil(max / 600) * 600;
}
