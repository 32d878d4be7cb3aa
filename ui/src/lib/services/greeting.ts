// A greeting that fits the time of day; evenings are what this app is for.
import { pages } from '$lib/i18n';

export function greeting(hour: number): string {
  if (hour >= 5 && hour < 12) return pages.greeting.morning;
  if (hour >= 12 && hour < 17) return pages.greeting.afternoon;
  return pages.greeting.evening;
}
