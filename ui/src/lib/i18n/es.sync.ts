// Sincronización en los dos sentidos, en español: la línea de Inicio sobre los cambios hechos en
// este ordenador que aún esperan para enviarse o que el servidor rechazó. Misma forma que
// en.sync.ts (`satisfies SyncStrings`).
import type { SyncStrings } from './en.sync';

export const sync = {
  waiting: (n: number) => (n === 1 ? '1 cambio pendiente de enviar' : `${n} cambios pendientes de enviar`),
  refused: (n: number, why: string) =>
    n === 1 ? `No se pudo enviar 1 cambio: ${why}` : `No se pudieron enviar ${n} cambios: ${why}`,
  lastError: (why: string) => `Último intento: ${why}`,
  label: 'Cambios por enviar',
} satisfies SyncStrings;
