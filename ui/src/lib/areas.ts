// The app's areas, in navigation order. Each has a one-line promise for its page header (the
// words are in the strings files, read afresh so a change of language shows at once).
import { t } from '$lib/i18n';

export type Area = 'home' | 'heroes' | 'create' | 'library' | 'journey' | 'settings' | 'diagnostics';

export interface AreaInfo {
  id: Area;
  label: string;
  blurb: string;
}

const ORDER: readonly Area[] = ['home', 'heroes', 'create', 'library', 'journey', 'settings'];

/** An area whose label and blurb are the current language's. */
function info(id: Area): AreaInfo {
  return {
    id,
    get label() {
      return t.areas[id].label;
    },
    get blurb() {
      return t.areas[id].blurb;
    },
  };
}

export const AREAS: readonly AreaInfo[] = ORDER.map(info);

/** Reached from another page, not from the navigation (Diagnostics is under Settings). */
export const SUB_AREAS: readonly AreaInfo[] = [info('diagnostics')];

export function areaInfo(id: Area): AreaInfo {
  const info = AREAS.find((a) => a.id === id) ?? SUB_AREAS.find((a) => a.id === id);
  if (!info) throw new Error(`unknown area ${id}`);
  return info;
}
