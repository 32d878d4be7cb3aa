-- Realtime (api-contract §5). The publication holds exactly the tables the app subscribes to:
-- `stories` (INSERT on `story-updates-{userId}`, filter user_id) and `story_illustrations`
-- (UPDATE on `illustration-{storyId}`, filter story_id). Realtime applies each table's RLS to
-- every change before sending it, so a family only ever hears about its own rows.
-- REPLICA IDENTITY FULL: both tables' UPDATE and DELETE events carry the whole previous row in
-- `old_record` (the embedded backend sends it too; the illustration progress compares status,
-- and a DELETE needs more than the key to be filtered by user_id / story_id).

do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
  if not exists (select 1 from pg_publication_tables
                 where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'stories') then
    alter publication supabase_realtime add table public.stories;
  end if;
  if not exists (select 1 from pg_publication_tables
                 where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'story_illustrations') then
    alter publication supabase_realtime add table public.story_illustrations;
  end if;
end
$$;

alter table public.stories replica identity full;
alter table public.story_illustrations replica identity full;

-- Realtime authorisation for private channels (checked by Realtime against realtime.messages as
-- the joining user, with realtime.topic() = the channel's topic):
--   progress-{requestId}: any signed-in user may listen (the request id is a random UUID the
--     caller made, so knowing it is the capability) but nobody but the service role (the edge
--     functions) may send, so progress cannot be faked;
--   presence-{userId}: a household's devices share one account; only that user may listen,
--     track presence or broadcast there.
drop policy if exists progress_listen on realtime.messages;
create policy progress_listen on realtime.messages for select to authenticated
  using (
    realtime.messages.extension = 'broadcast'
    and (select realtime.topic()) ~ '^progress-[0-9A-Za-z-]{1,128}$'
  );

drop policy if exists presence_own_room_listen on realtime.messages;
create policy presence_own_room_listen on realtime.messages for select to authenticated
  using (
    realtime.messages.extension in ('presence', 'broadcast')
    and (select realtime.topic()) = 'presence-' || (select auth.uid())::text
  );

drop policy if exists presence_own_room_send on realtime.messages;
create policy presence_own_room_send on realtime.messages for insert to authenticated
  with check (
    realtime.messages.extension in ('presence', 'broadcast')
    and (select realtime.topic()) = 'presence-' || (select auth.uid())::text
  );
