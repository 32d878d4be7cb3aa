import { describe, expect, it } from 'vitest';
import { StoryMaking, type StoryChoice } from './storyMaking.svelte';
import { deferred, fakeEvents, settle } from './testing';
import type { GenerationProgress, IllustrationStatus, StoryDetail } from '$lib/ipc/bindings';
import type { GenerateRequest } from '$lib/ipc/bindings';

const choice: StoryChoice = {
  heroId: 'h1', event: { type: 'custom', data: { custom_event_id: 'e1' } }, lengthMinutes: 5, language: 'fr',
  voice: 'nova', illustrations: true,
};

function detail(statuses: IllustrationStatus[]): StoryDetail {
  return {
    summary: { id: 's1', title: 'T', heroId: 'h1', language: 'fr', createdAt: 1, offlineReady: false },
    content: 'Il était une fois.', scenes: [], narrationKey: null, narrationSeconds: null,
    illustrations: statuses.map((status, i) => ({
      sceneNumber: i + 1, status, cacheKey: status === 'completed' ? `k${i + 1}` : null, errorMessage: null,
    })),
  };
}

function progress(requestId: string, stage: GenerationProgress['stage'], scenes: IllustrationStatus[]): GenerationProgress {
  return { requestId, storyId: 's1', stage, progress: 0.5, status: '', scenes: scenes.map((status, i) => ({ sceneNumber: i + 1, status })) };
}

function setup() {
  const events = fakeEvents();
  const answer = deferred<StoryDetail>();
  const requests: GenerateRequest[] = [];
  const api = {
    generateStory: ({ request }: { request: GenerateRequest }) => (requests.push(request), answer.promise),
    cancelGeneration: async () => {
      answer.reject({ code: 'CANCELLED', message: 'cancelled', retryable: false });
      return true;
    },
    retryIllustration: async ({ sceneNumber }: { sceneNumber: number }) =>
      detail((['completed', 'completed'] as IllustrationStatus[]).map((s, i) => (i + 1 === sceneNumber ? 'completed' : s))),
    getStory: async () => latest,
  };
  let latest = detail(['completed', 'completed']);
  const making = new StoryMaking(api, events.subscribe, () => 'req-1');
  return { making, events, answer, requests, setLatest: (d: StoryDetail) => (latest = d) };
}

describe('StoryMaking', () => {
  it('asks for the story the parent chose, with its own request id', async () => {
    const { making, requests, answer } = setup();
    const done = making.tell(choice);
    expect(making.phase).toBe('making');
    expect(requests[0]).toEqual({
      requestId: 'req-1',
      story: { heroId: 'h1', event: choice.event, targetDuration: 300, language: 'fr', voice: 'nova' },
      narration: true,
      illustrations: true,
    });
    answer.resolve(detail(['completed']));
    await done;
    expect(making.phase).toBe('done');
    expect(making.story?.summary.id).toBe('s1');
  });

  it('follows only its own progress events', async () => {
    const { making, events } = setup();
    void making.tell(choice);
    events.deliver('story://progress', progress('someone-else', 'illustrating', ['completed']));
    expect(making.progress?.stage).toBe('writing');
    events.deliver('story://progress', progress('req-1', 'illustrating', ['completed', 'processing', 'pending']));
    expect(making.sceneNumbers).toEqual([1, 2, 3]);
    expect([1, 2, 3].map((n) => making.sceneStatus(n))).toEqual(['completed', 'processing', 'pending']);
  });

  it('fetches the story again when a picture lands after it was returned', async () => {
    const { making, events, answer, setLatest } = setup();
    const done = making.tell(choice);
    events.deliver('story://progress', progress('req-1', 'illustrating', ['completed', 'processing']));
    answer.resolve(detail(['completed', 'processing']));
    await done;
    setLatest(detail(['completed', 'completed']));
    events.deliver('story://progress', progress('req-1', 'illustrating', ['completed', 'completed']));
    await settle();
    expect(making.story?.illustrations[1]?.cacheKey).toBe('k2');
    expect(making.sceneStatus(2)).toBe('completed');
  });

  it('keeps what worked after a partial failure and draws a failed picture again', async () => {
    const { making, events, answer } = setup();
    const done = making.tell(choice);
    events.deliver('story://progress', progress('req-1', 'done', ['completed', 'failed']));
    answer.resolve(detail(['completed', 'failed']));
    await done;
    expect(making.failedScenes).toEqual([2]);
    const retry = making.retryIllustration(2);
    expect(making.sceneStatus(2)).toBe('processing');
    await retry;
    expect(making.failedScenes).toEqual([]);
    expect(making.sceneStatus(2)).toBe('completed');
  });

  it('ends as cancelled when the parent cancels', async () => {
    const { making, events } = setup();
    const done = making.tell(choice);
    await making.cancel();
    await done;
    expect(making.phase).toBe('cancelled');
    expect(making.error).toBeNull();
    expect(events.listeners('story://progress')).toBe(0);
  });

  it('hands a rate limit to the countdown and keeps the error to show', async () => {
    const { making, answer } = setup();
    let waited = 0;
    making.onRateLimited = (s) => (waited = s);
    const done = making.tell(choice);
    answer.reject({ code: 'RATE_LIMITED', message: 'slow down', retryable: true, retryAfter: 42 });
    await done;
    expect(making.phase).toBe('failed');
    expect(making.error?.code).toBe('RATE_LIMITED');
    expect(waited).toBe(42);
    making.reset();
    expect(making.phase).toBe('idle');
  });
});

describe('StoryMaking after a late failure', () => {
  it('opens what was already saved when the narration or pictures failed', async () => {
    const { making, events, answer } = setup();
    const done = making.tell(choice);
    events.deliver('story://progress', progress('req-1', 'narrating', []));
    answer.reject({ code: 'SERVER', message: 'narrator crashed', retryable: true });
    await done;
    expect(making.phase).toBe('failed');
    expect(making.savedStoryId).toBe('s1');
    await making.openSaved();
    expect(making.phase).toBe('done');
    expect(making.story?.summary.id).toBe('s1');
  });

  it('has nothing to open when the story was never written', async () => {
    const { making, answer } = setup();
    const done = making.tell(choice);
    answer.reject({ code: 'NETWORK', message: 'down', retryable: true });
    await done;
    expect(making.savedStoryId).toBeNull();
  });
});
