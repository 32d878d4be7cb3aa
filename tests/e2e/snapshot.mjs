// Screenshots of the real window that cannot hang. WebKitGTK takes a snapshot at the page's next
// rendering update; with shared-memory frames (what src-tauri/src/rendering.rs chooses on a
// computer without a GPU, as under Xvfb) a page where nothing changes has none, so WebDriver's
// screenshot would wait forever (measured: Home, static, never answered; the same page with one
// changing pixel answered in 40 ms). While the snapshot is taken, a one-pixel element that no
// eye can see changes every frame, and is removed afterwards. Used by the e2e and package suites.

/** Saves a screenshot of `browser`'s window to `path`. */
export async function screenshot(browser, path) {
  await browser.execute(() => {
    const pixel = document.createElement('div');
    pixel.setAttribute('aria-hidden', 'true');
    pixel.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;opacity:0.01';
    document.body.append(pixel);
    let frame = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      pixel.style.opacity = frame++ % 2 ? '0.01' : '0.02';
      requestAnimationFrame(tick);
    };
    tick();
    window.__e2eSnapshotDone = () => {
      running = false;
      pixel.remove();
    };
  });
  try {
    await browser.saveScreenshot(path);
  } finally {
    await browser.execute(() => window.__e2eSnapshotDone?.());
  }
}
