// Browser test of the app's languages: Settings → "Language of the app" switches the whole UI
// (the navigation, Home, the Settings page itself) at once, without a restart, and remembers the
// choice in the shell; German, the longest, fits the window's minimum size (760×560, from
// tauri.conf.json). Screenshots: ui/test-results/i18n-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { open, shots, useBrowser, go } from './support.mjs';

useBrowser();

/** @typedef {import('playwright-core').Page} Page */

/** Chooses the app language in Settings (the page must be showing). @param {Page} page @param {string} value */
async function choose(page, value) {
  await page.getByTestId('app-language').selectOption(value);
}

/** The navigation's labels. @param {Page} page */
const nav = (page) => page.getByRole('navigation').locator('li span').allTextContents();

/**
 * Text that does not fit: an element whose content is wider than its box (cut off or spilling),
 * or anything reaching past the window's right edge.
 * @param {Page} page
 * @param {string} [where] the part of the page to look at
 */
const overflowing = (page, where = 'nav *, main *') =>
  page.evaluate((where) => {
    const out = [];
    for (const el of document.querySelectorAll(where)) {
      const e = /** @type {HTMLElement} */ (el);
      if (!e.offsetParent || e.closest('svg')) continue;
      const r = e.getBoundingClientRect();
      const text = (e.textContent ?? '').trim().slice(0, 40);
      if (r.right > window.innerWidth + 1) out.push(`past the edge: <${e.tagName.toLowerCase()}> ${text}`);
      const style = getComputedStyle(e);
      const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      if (!clips || e.tagName === 'MAIN' || ['auto', 'scroll'].includes(style.overflowX)) continue;
      // Words wider than a box that clips them (a picture bleeding to the edges is meant to).
      const words = [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      const wide = [...e.children].some((c) => c.tagName !== 'IMG' && c.getBoundingClientRect().right > r.right + 1);
      const range = document.createRange();
      const textWide = words.some((n) => (range.selectNodeContents(n), range.getBoundingClientRect().right > r.right + 1));
      if (wide || textWide) out.push(`cut off: <${e.tagName.toLowerCase()} class="${e.className}"> ${text}`);
    }
    return out;
  }, where);

test('the app language switches the whole UI at once and is saved in the shell', async () => {
  const { page, errors, close } = await open('scenario=pages&area=settings', { clock: true, lenient: true });
  await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
  const select = page.getByTestId('app-language');
  assert.deepEqual(await select.locator('option').allTextContents(), [
    'Automatic — like this computer (English)', 'English', 'Español', 'Français', 'Deutsch', 'Italiano',
  ]);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

  await choose(page, 'fr');
  await page.getByRole('heading', { name: 'Langue de l’app' }).waitFor();
  assert.deepEqual(await nav(page), ['Accueil', 'Héros', 'Nouvelle histoire', 'Bibliothèque', 'Parcours', 'Réglages']);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  const saved = await page.evaluate(() =>
    /** @type {any} */ (window).mockPages.calls.filter((/** @type {any} */ c) => c.cmd === 'set_ui_language').map((/** @type {any} */ c) => c.args.language));
  assert.deepEqual(saved, ['fr'], 'saved in the shell’s preferences');
  await page.screenshot({ path: join(shots, 'i18n-settings-fr.png') });

  await go(page, 'Accueil');
  await page.getByRole('heading', { name: 'Prêts pour l’histoire de ce soir\u202f?' }).waitFor();
  await page.getByText('Bonsoir').waitFor();
  await page.getByRole('heading', { name: 'Ce soir', exact: true }).waitFor();
  await page.getByText('Reprendre l’écoute').waitFor();
  await page.screenshot({ path: join(shots, 'i18n-home-fr.png') });

  await go(page, 'Réglages');
  await choose(page, 'de');
  await page.getByRole('heading', { name: 'Sprache der App' }).waitFor();
  assert.deepEqual(await nav(page), ['Start', 'Helden', 'Neue Geschichte', 'Bibliothek', 'Reise', 'Einstellungen']);
  await go(page, 'Start');
  await page.getByRole('heading', { name: 'Bereit für die Geschichte heute Abend?' }).waitFor();
  await page.getByText('Guten Abend').waitFor();
  await page.getByRole('button', { name: 'Bibliothek öffnen' }).waitFor();
  await page.screenshot({ path: join(shots, 'i18n-home-de.png') });

  // The window's minimum size: German still fits.
  await page.setViewportSize({ width: 760, height: 560 });
  await page.screenshot({ path: join(shots, 'i18n-home-de-min.png') });
  await page.getByTestId('tonight').screenshot({ path: join(shots, 'i18n-home-de-min-tonight.png') });
  assert.deepEqual(await overflowing(page), [], 'Home in German at 760×560');
  await go(page, 'Einstellungen');
  await page.getByRole('heading', { name: 'Sprache der App' }).waitFor();
  await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
  assert.deepEqual(await overflowing(page), [], 'Settings in German at 760×560');
  await page.screenshot({ path: join(shots, 'i18n-settings-de-min.png') });

  // Back to Automatic: this computer's language (Chromium here: English).
  await page.setViewportSize({ width: 1200, height: 780 });
  await choose(page, 'auto');
  await page.getByRole('heading', { name: 'Language of the app' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('uiLanguage')), null);
  assert.deepEqual(errors, []);
  await close();
});
