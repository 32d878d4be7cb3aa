// Browser-test entry (harness.html): the real app over a mocked backend chosen by the query
// string, e.g. /harness.html?scenario=failed, or ?heroes=none for a family with no heroes yet.
// Reader scenarios (?scenario=reader, reader-resume, reader-no-narration, reader-failed,
// reader-no-sound) open a story in the reader over a scripted player (window.mockPlayer).
import { setMediaResolver } from '$lib/ipc/media';
import { installMockBackend, type MockBackend, type Scenario } from '$lib/ipc/mocks';
import { readerMock, type MockPlayer, type ReaderScenario } from '$lib/ipc/mockPlayer';
import { fixturePicture } from '$lib/ipc/mockPlayerStories';

const params = new URLSearchParams(location.search);
const asked = params.get('scenario') ?? 'connected';
const reader = asked.startsWith('reader') ? readerMock(asked as ReaderScenario) : null;
const scenario = (reader ? 'connected' : asked) as Scenario;
// Tests drive the mocked backend through window.mockBackend (e.g. to finish starting).
const w = window as unknown as { mockBackend: MockBackend; mockPlayer?: MockPlayer };
w.mockBackend = installMockBackend(scenario, { heroes: params.get('heroes') !== 'none', extra: reader?.handle });
if (reader) {
  w.mockPlayer = reader.controls;
  setMediaResolver(fixturePicture);
}
const app = (await import('./main')).default as { openStory?: (id: string, queue: string[] | null) => void };
if (reader) app.openStory?.(reader.open.storyId, reader.open.queue);
