-- Two-way sync (issue 13, part 3): each device subscribes to `family-{userId}` for every change
-- (`*`, filter user_id) to `heroes` and `custom_events`, so an edit made on one computer shows on
-- the others without waiting for the catch-up query at the next reconnect. The first realtime
-- migration published only `stories` and `story_illustrations`; without these two tables in the
-- publication a real project would never send those changes.
-- REPLICA IDENTITY FULL so UPDATE and DELETE carry the previous row (Realtime still sends only
-- the key of a deleted row when RLS is on, which is all the client needs to drop it).

do $$
begin
  if not exists (select 1 from pg_publication_tables
                 where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'heroes') then
    alter publication supabase_realtime add table public.heroes;
  end if;
  if not exists (select 1 from pg_publication_tables
                 where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'custom_events') then
    alter publication supabase_realtime add table public.custom_events;
  end if;
end
$$;

alter table public.heroes replica identity full;
alter table public.custom_events replica identity full;
