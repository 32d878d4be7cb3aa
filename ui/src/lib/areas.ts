// The app's areas, in navigation order. Each has a one-line promise for its page header.
export type Area = 'home' | 'heroes' | 'create' | 'library' | 'journey' | 'settings' | 'diagnostics';

export interface AreaInfo {
  id: Area;
  label: string;
  blurb: string;
}

export const AREAS: readonly AreaInfo[] = [
  { id: 'home', label: 'Home', blurb: 'Tonight at a glance.' },
  { id: 'heroes', label: 'Heroes', blurb: 'The children and characters your stories are about.' },
  { id: 'create', label: 'New story', blurb: 'Pick a hero, an event and a length, and a story is told.' },
  { id: 'library', label: 'Library', blurb: 'Every story you have made, ready to read or listen to offline.' },
  { id: 'journey', label: 'Journey', blurb: 'Your bedtime listening, evening after evening.' },
  { id: 'settings', label: 'Settings', blurb: 'Voice, language, story length and where stories are made.' },
];

/** Reached from another page, not from the navigation (Diagnostics is under Settings). */
export const SUB_AREAS: readonly AreaInfo[] = [
  { id: 'diagnostics', label: 'Diagnostics', blurb: 'For the grown-up who helps when something goes wrong.' },
];

export function areaInfo(id: Area): AreaInfo {
  const info = AREAS.find((a) => a.id === id) ?? SUB_AREAS.find((a) => a.id === id);
  if (!info) throw new Error(`unknown area ${id}`);
  return info;
}
