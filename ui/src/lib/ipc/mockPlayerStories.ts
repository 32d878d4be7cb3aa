// Stories for the scripted player (browser harness and tests): StoryDetail shapes as the shell
// returns them, with word timings made the way the narrator reports them — UTF-8 byte offsets
// into the content (the accents in "Zoé" and "crème" make them differ from JS indices).
import type { IllustrationState, Scene, StoryDetail } from './bindings';
import type { WordTiming } from './bindings';

export type MockStory = { detail: StoryDetail; heroName: string; timings: WordTiming[]; duration: number };

const SECONDS_PER_WORD = 0.46;
const PARAGRAPH_PAUSE = 1.4;

const moonGarden = [
  'When the last light slipped behind the hills, Mia pulled on her softest socks and tiptoed to the window. The moon was round and kind, and it seemed to be waiting for her.',
  'A little path of silver stones began right under the windowsill. Mia stepped onto the first stone, and it hummed a quiet note, like a lullaby played on a glass bell.',
  'At the end of the path was the Moon Garden, where the flowers only open at night. Zoé the owl sat on the garden gate with her feathers fluffed up like a cosy blanket. "We have been expecting you," she said, and she yawned a very small yawn.',
  'Together they watered the moonflowers with dew from a crème-coloured cup. Each flower opened slowly and glowed a gentle blue, and the whole garden smelled of warm milk and honey.',
  'Then the fireflies came out to play. They drew sleepy shapes in the air: a boat, a star, a teddy bear with a bow. Mia laughed softly and counted them, one, two, three, until the numbers got heavy.',
  'Zoé tucked a moonflower behind Mia\'s ear. "It will keep your dreams gentle," she whispered. The silver stones hummed their lullaby again, and Mia followed them home.',
  'Back in her bed, with the moonflower glowing on the pillow beside her, Mia closed her eyes. Outside, the moon kept watch over the garden, and everything was calm and quiet and safe. Goodnight, Mia.',
].join('\n\n');

const quietLake = [
  'On the quiet lake, a little wooden boat rocked gently, back and forth, back and forth. Leo and his friend the otter sat inside, wrapped in one big blanket.',
  'The water was so still that the stars could see themselves in it. "Look," said the otter, "there are two skies tonight." Leo trailed his fingers and made tiny ripples of starlight.',
  'A family of ducks paddled past, each one quieter than the last. The smallest duck was already asleep, floating along with her head tucked under her wing.',
  'The boat drifted slowly back to the shore, where a lantern glowed by the cabin door. Leo carried the blanket inside, and the lake whispered goodnight.',
].join('\n\n');

const nightTrain = [
  'The night train left the station at exactly seven o\'clock. Noah had the window seat, and his stuffed fox had the seat beside him.',
  'Outside, the fields turned blue and then silver. Little houses went by with their lights on, one after another, like a string of beads.',
  'The conductor came by with warm cocoa and a soft grey blanket. "Next stop, Dreamland," he whispered, and he winked at the fox.',
].join('\n\n');

const owlLanterns = [
  'High in the old oak tree, the owls were hanging lanterns for the night. Ava watched from her window as the lanterns bloomed, one after another, like little moons.',
  'The smallest owl could not reach the highest branch, so Ava held up her flashlight and made a path of light for him. He hooted a thank you and hung the very last lantern.',
  'Now the whole tree glowed softly, and Ava felt her eyelids grow heavy. The owls sang a low, round song, and the lanterns swayed like slow, sleepy stars.',
].join('\n\n');

/** Word timings the way the narrator makes them: byte offsets, a steady pace, pauses between paragraphs. */
export function narrate(content: string): { timings: WordTiming[]; duration: number } {
  const enc = new TextEncoder();
  const timings: WordTiming[] = [];
  let clock = 0.6;
  let lastEnd = 0;
  for (const m of content.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    const before = content.slice(lastEnd, m.index);
    if (before.includes('\n')) clock += PARAGRAPH_PAUSE;
    else if (/[.!?]/.test(before)) clock += 0.35;
    const charStart = enc.encode(content.slice(0, m.index)).length;
    timings.push({ word: m[0], start: clock, end: clock + SECONDS_PER_WORD * 0.85, charStart, charEnd: charStart + enc.encode(m[0]).length });
    clock += SECONDS_PER_WORD;
    lastEnd = m.index + m[0].length;
  }
  return { timings, duration: Math.ceil(clock + 1.5) };
}

type Picture = 'completed' | 'failed' | 'pending' | 'none';

function story(
  id: string,
  title: string,
  heroName: string,
  content: string,
  sceneParagraphs: number[],
  pictures: Picture[],
  narrated = true,
): MockStory {
  const paragraphs = content.split('\n\n');
  const { timings, duration } = narrate(content);
  const enc = new TextEncoder();
  const scenes: Scene[] = sceneParagraphs.map((p, i) => {
    const at = enc.encode(paragraphs.slice(0, p).join('\n\n')).length;
    const first = timings.find((t) => t.charStart >= at);
    return {
      sceneNumber: i + 1,
      textSegment: paragraphs[p] ?? '',
      illustrationPrompt: `Scene ${i + 1} of ${title}, soft night colours`,
      timestampSeconds: i === 0 ? 0 : Math.floor((first?.start ?? 0) * 10) / 10,
      emotion: 'peaceful',
      importance: i === 0 ? 'key' : 'major',
    };
  });
  const illustrations: IllustrationState[] = pictures.flatMap((status, i) =>
    status === 'none'
      ? []
      : [
          {
            sceneNumber: i + 1,
            status,
            cacheKey: status === 'completed' ? `illustration:${id}:${i + 1}` : null,
            errorMessage: status === 'failed' ? 'The picture service was busy and gave up after 3 tries.' : null,
          },
        ],
  );
  return {
    heroName,
    timings: narrated ? timings : [],
    duration: narrated ? duration : 0,
    detail: {
      summary: { id, title, heroId: `hero-${heroName.toLowerCase()}`, language: 'en', createdAt: 1796400000000, offlineReady: narrated },
      content,
      scenes,
      narrationKey: narrated ? `audio:${id}` : null,
      narrationSeconds: narrated ? duration : null,
      illustrations,
    },
  };
}

/** The library of the scripted player, by story id. */
export function mockStories(): Map<string, MockStory> {
  const all = [
    story('moon-garden', 'Mia and the Moon Garden', 'Mia', moonGarden, [0, 1, 2, 4, 6], [
      'completed', 'completed', 'completed', 'completed', 'completed',
    ]),
    story('quiet-lake', 'The Quiet Lake', 'Leo', quietLake, [0, 1, 2, 3], ['completed', 'failed', 'pending', 'failed']),
    story('owl-lanterns', 'Ava and the Owl Lanterns', 'Ava', owlLanterns, [0, 1, 2], ['completed', 'completed', 'completed'], false),
    // Its making was interrupted: one picture drawn, one failed, one never started, no narration.
    story('night-train', 'Noah and the Night Train', 'Noah', nightTrain, [0, 1, 2], ['completed', 'failed', 'none'], false),
  ];
  return new Map(all.map((s) => [s.detail.summary.id, s]));
}

/** The fixture picture drawn for a scene (files under ui/tests/fixtures/reader/). */
export function fixturePicture(key: string): string {
  const [, id, n] = key.split(':');
  const pictures: Record<string, string[]> = {
    'moon-garden': ['window', 'path', 'owl', 'fireflies', 'bed'],
    'quiet-lake': ['lake', 'lake', 'lake', 'window'],
    'owl-lanterns': ['owl', 'fireflies', 'bed'],
    'night-train': ['window', 'lake', 'bed'],
  };
  const name = pictures[id ?? '']?.[Number(n) - 1] ?? 'window';
  return `/tests/fixtures/reader/${name}.svg`;
}
