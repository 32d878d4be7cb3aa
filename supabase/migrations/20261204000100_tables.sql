-- The contract's six tables (api-contract §3) with the same columns, types, nullability,
-- defaults and allowed values (CHECK … IN) as the embedded backend — and no stricter rules, so a
-- row the embedded backend accepts is accepted here (src-tauri/crates/server/src/rest/schema.rs;
-- supabase/tests/schema_drift_test.ts fails when the two drift apart), their constraints, the
-- indexes the app's queries need, and `updated_at` kept by the database.
-- Idempotent: every statement can run again on a database that already has it.

-- Server-set timestamps: `updated_at` moves on every write, `created_at` never changes after
-- the insert (the embedded backend does the same).
create or replace function public.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  if tg_op = 'UPDATE' then
    new.created_at := old.created_at;
  end if;
  return new;
end
$$;

create table if not exists public.heroes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  name text not null,
  pronouns text check (pronouns in ('she', 'he', 'they')),
  primary_trait text not null check (primary_trait in
    ('brave', 'kind', 'curious', 'funny', 'smart', 'adventurous', 'creative', 'helpful', 'gentle', 'magical')),
  secondary_trait text check (secondary_trait in
    ('brave', 'kind', 'curious', 'funny', 'smart', 'adventurous', 'creative', 'helpful', 'gentle', 'magical')),
  appearance text,
  special_ability text,
  avatar_style text check (avatar_style in
    ('picture_book', 'watercolor', 'digital_art', 'animated_3d', 'classic_storybook')),
  avatar_url text,
  avatar_path text,
  avatar_prompt text,
  avatar_generation_id text,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists public.custom_events (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  title text not null,
  description text,
  prompt_seed text,
  category text not null default 'custom' check (category in
    ('daily_life', 'adventure', 'emotional_growth', 'learning', 'celebration', 'challenge', 'imagination', 'custom')),
  age_range text not null default 'all_ages' check (age_range in ('2_4', '4_6', '6_10', 'all_ages')),
  tone text not null default 'balanced' check (tone in
    ('calming', 'exciting', 'educational', 'funny', 'inspiring', 'mysterious', 'balanced')),
  keywords text[] not null default '{}',
  icon text,
  color_hex text,
  is_favorite boolean not null default false,
  usage_count integer not null default 0,
  last_used_at timestamptz,
  pictogram_url text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists public.stories (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  hero_id uuid references public.heroes (id) on delete set null,
  custom_event_id uuid references public.custom_events (id) on delete set null,
  event_type text check (event_type in ('built_in', 'custom')),
  event_id text,
  title text not null,
  content text not null,
  language text not null default 'en' check (language in ('en', 'es', 'fr', 'de', 'it')),
  voice text check (voice in ('coral', 'nova', 'fable', 'alloy', 'echo', 'onyx', 'shimmer')),
  target_duration integer,
  estimated_duration double precision,
  word_count integer,
  audio_url text,
  audio_path text,
  audio_duration double precision,
  audio_voice text,
  timings_url text,
  is_favorite boolean not null default false,
  play_count integer not null default 0,
  last_played_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists public.story_scenes (
  id uuid primary key default gen_random_uuid(),
  story_id uuid not null references public.stories (id) on delete cascade,
  scene_number integer not null,
  text_segment text not null,
  illustration_prompt text,
  timestamp_seconds double precision not null default 0,
  emotion text check (emotion in
    ('joyful', 'peaceful', 'exciting', 'mysterious', 'heartwarming', 'adventurous', 'contemplative')),
  importance text check (importance in ('key', 'major', 'minor')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (story_id, scene_number)
);

create table if not exists public.story_illustrations (
  id uuid primary key default gen_random_uuid(),
  story_id uuid not null references public.stories (id) on delete cascade,
  scene_number integer not null,
  status text not null default 'pending' check (status in ('pending', 'processing', 'completed', 'failed')),
  image_url text,
  image_path text,
  generation_id text,
  previous_generation_id text,
  error_message text,
  retry_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (story_id, scene_number)
);

create table if not exists public.listening_sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  story_id uuid not null references public.stories (id) on delete cascade,
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  seconds_listened double precision not null default 0,
  completed boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The app's queries: each family's rows newest first (the library sync reads `select=*` under
-- RLS, which filters on user_id), a story's scenes and illustrations by story (the unique keys
-- above lead with story_id), foreign keys that cascade or set null on delete.
create index if not exists heroes_user_created on public.heroes (user_id, created_at desc);
create index if not exists custom_events_user_created on public.custom_events (user_id, created_at desc);
create index if not exists stories_user_created on public.stories (user_id, created_at desc);
create index if not exists stories_hero on public.stories (hero_id) where hero_id is not null;
create index if not exists stories_custom_event on public.stories (custom_event_id) where custom_event_id is not null;
create index if not exists listening_sessions_user_started on public.listening_sessions (user_id, started_at desc);
create index if not exists listening_sessions_story on public.listening_sessions (story_id);

create or replace trigger heroes_updated_at before insert or update on public.heroes
  for each row execute function public.set_updated_at();
create or replace trigger custom_events_updated_at before insert or update on public.custom_events
  for each row execute function public.set_updated_at();
create or replace trigger stories_updated_at before insert or update on public.stories
  for each row execute function public.set_updated_at();
create or replace trigger story_scenes_updated_at before insert or update on public.story_scenes
  for each row execute function public.set_updated_at();
create or replace trigger story_illustrations_updated_at before insert or update on public.story_illustrations
  for each row execute function public.set_updated_at();
create or replace trigger listening_sessions_updated_at before insert or update on public.listening_sessions
  for each row execute function public.set_updated_at();

-- Privileges: signed-in users work on their own rows (RLS decides which); the anonymous key
-- reaches none of them; the service role (edge functions) everything.
revoke all on public.heroes, public.custom_events, public.stories, public.story_scenes,
  public.story_illustrations, public.listening_sessions from anon;
grant select, insert, update, delete on public.heroes, public.custom_events, public.stories,
  public.story_scenes, public.story_illustrations, public.listening_sessions to authenticated;
grant all on public.heroes, public.custom_events, public.stories, public.story_scenes,
  public.story_illustrations, public.listening_sessions to service_role;
