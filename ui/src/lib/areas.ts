// The app's areas, in navigation order. Each has a one-line promise for its page header (the
// words are in the strings file).
import { t } from '$lib/i18n/en';

export type Area = 'home' | 'heroes' | 'create' | 'library' | 'journey' | 'settings' | 'diagnostics';

export interface AreaInfo {
  id: Area;
  label: string;
  blurb: string;
}

const ORDER: readonly Area[] = ['home', 'heroes', 'create', 'library', 'journey', 'settings'];

export const AREAS: readonly AreaInfo[] = ORDER.map((id) => ({ id, ...t.areas[id] }));

/** Reached from another page, not from the navigation (Diagnostics is under Settings). */
export const SUB_AREAS: readonly AreaInfo[] = [{ id: 'diagnostics', ...t.areas.diagnostics }];

export function areaInfo(id: Area): AreaInfo {
  const info = AREAS.find((a) => a.id === id) ?? SUB_AREAS.find((a) => a.id === id);
  if (!info) throw new Error(`unknown area ${id}`);
  return info;
}
