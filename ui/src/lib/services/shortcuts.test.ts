import { afterEach, describe, expect, it } from 'vitest';
import { isShortcutFree } from './shortcuts';

afterEach(() => (document.body.innerHTML = ''));

function press(target: HTMLElement, init: KeyboardEventInit = {}): boolean {
  let free: boolean | undefined;
  const listen = (e: KeyboardEvent) => (free = isShortcutFree(e));
  window.addEventListener('keydown', listen);
  target.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, ...init }));
  window.removeEventListener('keydown', listen);
  return free ?? false;
}

describe('isShortcutFree', () => {
  it('takes keys pressed on the page and on buttons', () => {
    document.body.innerHTML = '<main><button>Play</button></main>';
    expect(press(document.body)).toBe(true);
    expect(press(document.querySelector('button')!)).toBe(true);
  });

  it('leaves keys alone while typing, in a menu, or with a modifier', () => {
    document.body.innerHTML =
      '<input type="text"><textarea></textarea><select></select><div contenteditable="true"><b>x</b></div>' +
      '<div role="menu"><button role="menuitemradio">1×</button></div><input type="range">';
    for (const el of document.querySelectorAll<HTMLElement>('input, textarea, select, b, [role=menuitemradio]')) {
      expect(press(el), el.outerHTML).toBe(false);
    }
    expect(press(document.body, { ctrlKey: true })).toBe(false);
    expect(press(document.body, { metaKey: true })).toBe(false);
    expect(press(document.body, { altKey: true })).toBe(false);
  });
});
