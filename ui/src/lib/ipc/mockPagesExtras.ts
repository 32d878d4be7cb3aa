// The journey, diagnostics and request log the harness answers with: deterministic numbers that
// look like a family's real month (a streak of evenings, a few missed ones).
import type { BackendStatus, DiagnosticsReport, LimitStatus, SessionInfo } from './bindings';
import type { Journey, JourneyRange, MilestoneId, RequestRecord } from './bindings';
import { MOCK_NOW, type MockLibraryStory } from './mockPagesData';

const DAY = 86_400_000;
const SPAN: Record<JourneyRange, number> = { week: 7, month: 30, year: 365 };

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Minutes heard on day `i` days before "now": most evenings, a quiet day now and then. */
function secondsOn(i: number): number {
  if (i >= 120) return 0;
  if (i > 8 && (i % 9 === 4 || i % 13 === 0)) return 0;
  return (6 + ((i * 37) % 17)) * 60;
}

export function mockJourney(range: JourneyRange, empty: boolean, stories: MockLibraryStory[]): Journey {
  const n = SPAN[range];
  const days = Array.from({ length: n }, (_, k) => {
    const i = n - 1 - k;
    return { date: isoDay(MOCK_NOW - i * DAY), seconds: empty ? 0 : secondsOn(i) };
  });
  const total = empty ? 0 : Array.from({ length: 120 }, (_, i) => secondsOn(i)).reduce((a, b) => a + b, 0);
  const count = stories.length;
  const steps: [MilestoneId, number][] = [
    ['first_story', count / 1], ['stories_5', count / 5], ['stories_10', count / 10], ['stories_25', count / 25],
    ['stories_50', count / 50], ['listening_1h', total / 3600], ['listening_5h', total / 18000],
    ['streak_7', empty ? 0 : 1], ['streak_30', empty ? 0 : 9 / 30],
  ];
  const milestones = steps.map(([id, p]) => ({ id, reached: p >= 1, progress: Math.min(1, p) }));
  return {
    totalStories: count,
    listeningSeconds: total,
    currentStreak: empty ? 0 : 9,
    longestStreak: empty ? 0 : 14,
    milestones,
    next: milestones.find((m) => !m.reached)?.id ?? null,
    favoriteHero: empty ? null : { id: 'hero-mia', name: 'Mia' },
    mostHeard: empty ? null : { id: 'moon-garden', title: 'The Moon Garden', plays: 12 },
    days,
  };
}

export function mockDiagnostics(backend: BackendStatus, session: SessionInfo | null, limits: LimitStatus[]): DiagnosticsReport {
  const op = (name: string, count: number, averageMs: number, minMs: number, maxMs: number, p95Ms: number, slow: number) =>
    ({ name, count, averageMs, minMs, maxMs, p95Ms, slow });
  return {
    backend,
    session,
    operations: [
      op('POST /functions/v1/story-generation', 14, 21_480, 12_900, 38_200, 36_100, 14),
      op('POST /functions/v1/tts', 14, 2_310, 1_120, 4_870, 4_400, 3),
      op('GET /rest/v1/stories', 212, 38, 9, 412, 96, 0),
      op('GET /storage/v1/object/illustrations/:id', 71, 184, 40, 1_930, 620, 0),
      op('POST /auth/v1/token', 6, 142, 88, 260, 251, 0),
    ],
    limits,
    realtime: {
      state: 'connected', attempt: 0, message: null, connections: 2,
      channels: [{ topic: 'realtime:public:stories', state: 'ready', error: null, failures: 0 }],
    },
    clockSkewMs: 180,
  };
}

export function mockRequests(now: number): RequestRecord[] {
  const shapes: [string, string, number | null, number][] = [
    ['GET', '/rest/v1/stories?select=*&user_id=eq.:id', 200, 41],
    ['GET', '/storage/v1/object/illustrations/:id/:id.png', 200, 212],
    ['POST', '/functions/v1/story-generation', 200, 21_950],
    ['POST', '/functions/v1/tts', 200, 2_280],
    ['POST', '/functions/v1/story-generation', 429, 120],
    ['POST', '/auth/v1/token?grant_type=refresh_token', 200, 131],
    ['GET', '/rest/v1/heroes?id=eq.:id', 404, 35],
    ['POST', '/functions/v1/avatar-generation', null, 30_000],
  ];
  return Array.from({ length: 200 }, (_, i) => {
    const [method, path, status, durationMs] = shapes[(i * 5) % shapes.length]!;
    return {
      at: now - i * 47_000,
      method,
      path,
      status,
      durationMs: durationMs + ((i * 13) % 40),
      requestId: `req-${(0x5f3a00 + i * 7919).toString(16)}`,
    };
  });
}
