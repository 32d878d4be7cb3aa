-- Row-level security on every table: a signed-in user sees and changes only their own rows;
-- scenes and illustrations belong to whoever owns their story; a row can only point at the
-- caller's own hero, custom event or story. The anonymous key has no policy (and no
-- privilege), so it sees nothing. The service role bypasses RLS (edge functions' bookkeeping).
-- `(select auth.uid())` is evaluated once per statement rather than once per row.

alter table public.heroes enable row level security;
alter table public.custom_events enable row level security;
alter table public.stories enable row level security;
alter table public.story_scenes enable row level security;
alter table public.story_illustrations enable row level security;
alter table public.listening_sessions enable row level security;

-- Owner-only tables ------------------------------------------------------------------------------
drop policy if exists heroes_owner on public.heroes;
create policy heroes_owner on public.heroes for all to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

drop policy if exists custom_events_owner on public.custom_events;
create policy custom_events_owner on public.custom_events for all to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

drop policy if exists stories_owner on public.stories;
create policy stories_owner on public.stories for all to authenticated
  using (user_id = (select auth.uid()))
  with check (
    user_id = (select auth.uid())
    and (hero_id is null or exists (
      select 1 from public.heroes h where h.id = hero_id and h.user_id = (select auth.uid())))
    and (custom_event_id is null or exists (
      select 1 from public.custom_events e where e.id = custom_event_id and e.user_id = (select auth.uid())))
  );

drop policy if exists listening_sessions_owner on public.listening_sessions;
create policy listening_sessions_owner on public.listening_sessions for all to authenticated
  using (user_id = (select auth.uid()))
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.stories s where s.id = story_id and s.user_id = (select auth.uid()))
  );

-- Rows of a story ---------------------------------------------------------------------------------
drop policy if exists story_scenes_through_story on public.story_scenes;
create policy story_scenes_through_story on public.story_scenes for all to authenticated
  using (exists (select 1 from public.stories s where s.id = story_id and s.user_id = (select auth.uid())))
  with check (exists (select 1 from public.stories s where s.id = story_id and s.user_id = (select auth.uid())));

drop policy if exists story_illustrations_through_story on public.story_illustrations;
create policy story_illustrations_through_story on public.story_illustrations for all to authenticated
  using (exists (select 1 from public.stories s where s.id = story_id and s.user_id = (select auth.uid())))
  with check (exists (select 1 from public.stories s where s.id = story_id and s.user_id = (select auth.uid())));
