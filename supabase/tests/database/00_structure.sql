-- What the migrations must have set up, independent of any data: RLS on every table of the
-- public schema, the realtime publication holding exactly the tables the app subscribes to
-- (with the whole old row), private buckets, and the bookkeeping functions out of users' reach.
begin;
\ir _fixtures.psql
select plan(25);

select tables_are('public',
  array['heroes', 'custom_events', 'stories', 'story_scenes', 'story_illustrations', 'listening_sessions',
        'function_quotas', 'quota_spend', 'function_replies'],
  'public holds the contract''s six tables and the functions'' bookkeeping');
select is_empty($$select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                  where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity$$,
  'every table in public has row-level security on');
select is_empty($$select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                  left join pg_policy p on p.polrelid = c.oid
                  where n.nspname = 'public' and c.relkind = 'r'
                    and c.relname in ('heroes', 'custom_events', 'stories', 'story_scenes', 'story_illustrations', 'listening_sessions')
                  group by c.relname having count(p.oid) = 0$$,
  'every contract table has a policy');

-- Realtime.
select set_eq($$select schemaname || '.' || tablename from pg_publication_tables where pubname = 'supabase_realtime'$$,
  array['public.stories', 'public.story_illustrations', 'public.heroes', 'public.custom_events'],
  'the supabase_realtime publication holds exactly the subscribed tables (stories, story_illustrations, heroes, custom_events)');
select results_eq($$select pubinsert and pubupdate and pubdelete from pg_publication where pubname = 'supabase_realtime'$$,
  array[true], 'the publication sends INSERT, UPDATE and DELETE');
select set_eq($$select relname::text || ':' || relreplident::text from pg_class
                where oid in ('public.stories'::regclass, 'public.story_illustrations'::regclass,
                              'public.heroes'::regclass, 'public.custom_events'::regclass)$$,
  array['stories:f', 'story_illustrations:f', 'heroes:f', 'custom_events:f'],
  'every published table has REPLICA IDENTITY FULL (old_record is the whole row)');

-- Storage.
select set_eq($$select id from storage.buckets$$, array['story-audio', 'hero-avatars', 'story-illustrations'],
  'the three buckets exist');
select is_empty($$select id from storage.buckets where public$$, 'no bucket is public');

-- Bookkeeping is for the service role only.
select ok(not has_function_privilege('authenticated', 'public.spend_quota(uuid, text, integer)', 'execute'),
  'a signed-in user cannot spend quota directly');
select ok(not has_function_privilege('authenticated', 'public.refund_quota(bigint)', 'execute'),
  'a signed-in user cannot refund quota');
select ok(not has_function_privilege('anon', 'public.claim_request(uuid, text, text, interval)', 'execute'),
  'anon cannot claim request ids');
select ok(has_function_privilege('service_role', 'public.spend_quota(uuid, text, integer)', 'execute'),
  'the service role spends quota');
select ok(not has_table_privilege('authenticated', 'public.quota_spend', 'select'),
  'a signed-in user cannot read the quota ledger');
select ok(not has_table_privilege('authenticated', 'public.function_replies', 'select'),
  'a signed-in user cannot read stored replies');

-- The indexes the app's queries use.
select has_index('public', 'heroes', 'heroes_user_created', array['user_id', 'created_at'], 'heroes by family, newest first');
select has_index('public', 'stories', 'stories_user_created', array['user_id', 'created_at'], 'stories by family, newest first');
select has_index('public', 'custom_events', 'custom_events_user_created', array['user_id', 'created_at'], 'custom events by family');
select has_index('public', 'listening_sessions', 'listening_sessions_story', array['story_id'], 'listening sessions by story (cascade)');
select has_index('public', 'quota_spend', 'quota_spend_user_function', array['user_id', 'function_name', 'spent_at'], 'the quota ledger by user and function');

-- The auth shim reads the claims PostgREST sets, as Supabase's own functions do.
select set_config('request.jwt.claims', '{"sub": "aaaaaaaa-0000-4000-8000-000000000001", "role": "authenticated", "is_anonymous": true}', true);
select is(auth.uid(), 'aaaaaaaa-0000-4000-8000-000000000001'::uuid, 'auth.uid() is the JWT''s sub');
select is(auth.jwt() ->> 'is_anonymous', 'true', 'auth.jwt() is the whole claim set');
select set_config('request.jwt.claims', '', true);
select is(auth.uid(), null, 'without claims there is no user');

-- Server-set timestamps.
update public.heroes set name = 'Luna', created_at = '2000-01-01', updated_at = '2000-01-01'
  where id = 'aaaaaaaa-1111-4000-8000-000000000001';
select results_eq($$select created_at > '2001-01-01', updated_at > '2001-01-01' from public.heroes
                    where id = 'aaaaaaaa-1111-4000-8000-000000000001'$$,
  $$values (true, true)$$, 'created_at cannot be rewritten and updated_at moves on every update');

-- Deleting a story takes its scenes, illustrations and listening sessions with it.
delete from public.stories where id = 'aaaaaaaa-3333-4000-8000-000000000001';
select is((select count(*)::int from public.story_scenes s
           where s.story_id = 'aaaaaaaa-3333-4000-8000-000000000001')
        + (select count(*)::int from public.story_illustrations i
           where i.story_id = 'aaaaaaaa-3333-4000-8000-000000000001')
        + (select count(*)::int from public.listening_sessions l
           where l.story_id = 'aaaaaaaa-3333-4000-8000-000000000001'),
  0, 'a deleted story takes its scenes, illustrations and listening sessions');
-- Deleting a hero keeps its stories (hero_id becomes null).
delete from public.heroes where id = 'bbbbbbbb-1111-4000-8000-000000000002';
select results_eq($$select hero_id from public.stories where id = 'bbbbbbbb-3333-4000-8000-000000000002'$$,
  array[null::uuid], 'a deleted hero leaves its stories, without a hero');

select * from finish();
rollback;
