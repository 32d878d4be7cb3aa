// Whether a key press may be taken as a reader shortcut: not while typing, not with a modifier
// (those belong to the system), not inside a menu (arrows move there), not when already handled.
export function isShortcutFree(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return false;
  const target = e.target as HTMLElement | null;
  if (!target || typeof target.closest !== 'function') return true;
  if (target.isContentEditable) return false;
  return !target.closest('input, textarea, select, [role="menu"], [contenteditable]');
}
