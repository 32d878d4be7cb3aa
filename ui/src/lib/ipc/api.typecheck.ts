// Compile-time checks of the typed api: svelte-check (the ui-check suite) fails if any of these
// wrong calls stops being an error, i.e. if the generated types got loose. Nothing here runs.
import type { Api } from './api';

export function typedApiRefusesWrongCalls(api: Api): void {
  // @ts-expect-error a command that does not exist
  void api.makeCoffee();
  // @ts-expect-error a missing argument
  void api.getStory();
  // @ts-expect-error an argument of the wrong type
  void api.getStory({ id: 42 });
  // @ts-expect-error arguments go by their camelCase names
  void api.cancelGeneration({ request_id: 'r' });
  // @ts-expect-error a command without arguments takes none
  void api.backendStatus({ verbose: true });
}
