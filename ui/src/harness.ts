// Browser-test entry (harness.html): the real app over a mocked backend chosen by the query
// string, e.g. /harness.html?scenario=failed, or ?heroes=none for a family with no heroes yet.
// Reader scenarios (?scenario=reader, reader-resume, reader-no-narration, reader-failed,
// reader-no-sound, reader-interrupted) open a story in the reader over a scripted player (window.mockPlayer).
// Page scenarios (?scenario=pages, pages-empty, pages-error, pages-10k, pages-locked; &area=library)
// run the library, settings, journey and diagnostics over a scripted core (window.mockPages).
import { setMediaResolver } from '$lib/ipc/media';
import { installMockBackend, type MockBackend, type Scenario } from '$lib/ipc/mocks';
import { readerMock, type MockPlayer, type ReaderScenario } from '$lib/ipc/mockPlayer';
import { fixturePicture } from '$lib/ipc/mockPlayerStories';
import { pagesMock, type MockPages, type PagesScenario } from '$lib/ipc/mockPages';
import { pagesPicture } from '$lib/ipc/mockPagesData';
import type { Area } from '$lib/areas';

const params = new URLSearchParams(location.search);
const asked = params.get('scenario') ?? 'connected';
const pages = asked.startsWith('pages') ? pagesMock(asked as PagesScenario) : null;
const reader = asked.startsWith('reader') ? readerMock(asked as ReaderScenario) : pages ? readerMock('reader') : null;
const scenario = (reader ? 'connected' : asked) as Scenario;
// Tests drive the mocked backend through window.mockBackend (e.g. to finish starting).
const w = window as unknown as { mockBackend: MockBackend; mockPlayer?: MockPlayer; mockPages?: MockPages };
const extra = (cmd: string, args: Record<string, unknown>) => {
  const answer = pages?.handle(cmd, args);
  return answer !== undefined ? answer : reader?.handle(cmd, args);
};
w.mockBackend = installMockBackend(scenario, {
  heroes: params.get('heroes') !== 'none',
  extra: reader ? extra : undefined,
});
if (reader) {
  w.mockPlayer = reader.controls;
  const readerIds = new Set(['moon-garden', 'quiet-lake', 'owl-lanterns', 'night-train']);
  const picture = (key: string) => (readerIds.has(key.split(':')[1] ?? '') ? fixturePicture(key) : pagesPicture(key));
  setMediaResolver(pages ? picture : fixturePicture);
}
if (pages) w.mockPages = pages.controls;
const app = (await import('./main')).default as {
  openStory?: (id: string, queue: string[] | null) => void;
  show?: (area: Area) => void;
};
if (reader && !pages) app.openStory?.(reader.open.storyId, reader.open.queue);
const area = params.get('area') as Area | null;
if (area) app.show?.(area);
