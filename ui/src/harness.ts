// Browser-test entry (harness.html): the real app over a mocked backend chosen by the query
// string, e.g. /harness.html?scenario=failed, or ?heroes=none for a family with no heroes yet.
import { installMockBackend, type MockBackend, type Scenario } from '$lib/ipc/mocks';

const params = new URLSearchParams(location.search);
const scenario = (params.get('scenario') ?? 'connected') as Scenario;
// Tests drive the mocked backend through window.mockBackend (e.g. to finish starting).
(window as unknown as { mockBackend: MockBackend }).mockBackend = installMockBackend(scenario, {
  heroes: params.get('heroes') !== 'none',
});
await import('./main');
