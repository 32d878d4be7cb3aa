-- Row-level security: family A cannot read, change or delete family B's heroes, custom events,
-- stories, scenes, illustrations or listening sessions, cannot attach rows to B's story or
-- hero, and the anonymous key sees nothing at all.
begin;
\ir _fixtures.psql
select plan(51);

-- Reading ----------------------------------------------------------------------------------------
select pg_temp.act_as('aaaaaaaa-0000-4000-8000-000000000001');
select results_eq($$select name from public.heroes$$, array['Luna'], 'A reads only A''s heroes');
select results_eq($$select title from public.custom_events$$, array['First day at school'], 'A reads only A''s custom events');
select results_eq($$select title from public.stories$$, array['Luna and the moon'], 'A reads only A''s stories');
select results_eq($$select text_segment from public.story_scenes$$, array['Luna looked up.'], 'A reads only the scenes of A''s stories');
select results_eq($$select story_id from public.story_illustrations$$,
  array['aaaaaaaa-3333-4000-8000-000000000001'::uuid], 'A reads only the illustrations of A''s stories');
select results_eq($$select story_id from public.listening_sessions$$,
  array['aaaaaaaa-3333-4000-8000-000000000001'::uuid], 'A reads only A''s listening sessions');
select is_empty($$select 1 from public.stories where id = 'bbbbbbbb-3333-4000-8000-000000000002'$$,
  'A asking for B''s story by id gets nothing');
select is_empty($$select 1 from public.story_scenes where story_id = 'bbbbbbbb-3333-4000-8000-000000000002'$$,
  'A asking for B''s scenes by story gets nothing');

-- Changing B's rows touches nothing -----------------------------------------------------------------
select is(pg_temp.touched($$update public.heroes set name = 'Stolen' where id = 'bbbbbbbb-1111-4000-8000-000000000002'$$), 0, 'A cannot update B''s hero');
select is(pg_temp.touched($$update public.custom_events set title = 'Stolen' where user_id = 'bbbbbbbb-0000-4000-8000-000000000002'$$), 0, 'A cannot update B''s custom event');
select is(pg_temp.touched($$update public.stories set title = 'Stolen'$$), 1, 'an update of every story touches only A''s one');
select is(pg_temp.touched($$update public.story_scenes set text_segment = 'Stolen' where story_id = 'bbbbbbbb-3333-4000-8000-000000000002'$$), 0, 'A cannot update B''s scenes');
select is(pg_temp.touched($$update public.story_illustrations set status = 'failed' where story_id = 'bbbbbbbb-3333-4000-8000-000000000002'$$), 0, 'A cannot update B''s illustrations');
select is(pg_temp.touched($$update public.listening_sessions set completed = true where user_id = 'bbbbbbbb-0000-4000-8000-000000000002'$$), 0, 'A cannot update B''s listening sessions');
select is(pg_temp.touched($$delete from public.story_illustrations where story_id = 'bbbbbbbb-3333-4000-8000-000000000002'$$), 0, 'A cannot delete B''s illustrations');
select is(pg_temp.touched($$delete from public.story_scenes where story_id = 'bbbbbbbb-3333-4000-8000-000000000002'$$), 0, 'A cannot delete B''s scenes');
select is(pg_temp.touched($$delete from public.listening_sessions where story_id = 'bbbbbbbb-3333-4000-8000-000000000002'$$), 0, 'A cannot delete B''s listening sessions');
select is(pg_temp.touched($$delete from public.stories where id = 'bbbbbbbb-3333-4000-8000-000000000002'$$), 0, 'A cannot delete B''s story');
select is(pg_temp.touched($$delete from public.heroes where id = 'bbbbbbbb-1111-4000-8000-000000000002'$$), 0, 'A cannot delete B''s hero');
select is(pg_temp.touched($$delete from public.custom_events where id = 'bbbbbbbb-2222-4000-8000-000000000002'$$), 0, 'A cannot delete B''s custom event');
-- Moving A's own row to B is refused by the policy's WITH CHECK.
select throws_ok($$update public.heroes set user_id = 'bbbbbbbb-0000-4000-8000-000000000002' where id = 'aaaaaaaa-1111-4000-8000-000000000001'$$,
  '42501', null, 'A cannot give a hero to B');
select throws_ok($$update public.story_scenes set story_id = 'bbbbbbbb-3333-4000-8000-000000000002' where story_id = 'aaaaaaaa-3333-4000-8000-000000000001'$$,
  '42501', null, 'A cannot move a scene into B''s story');

-- Creating rows in B's name or under B's story is refused ---------------------------------------
select throws_ok($$insert into public.heroes (user_id, name, primary_trait) values ('bbbbbbbb-0000-4000-8000-000000000002', 'Fake', 'kind')$$,
  '42501', null, 'A cannot create a hero for B');
select throws_ok($$insert into public.stories (user_id, title, content) values ('bbbbbbbb-0000-4000-8000-000000000002', 'Fake', 'x')$$,
  '42501', null, 'A cannot create a story for B');
select throws_ok($$insert into public.stories (hero_id, title, content) values ('bbbbbbbb-1111-4000-8000-000000000002', 'Borrowed hero', 'x')$$,
  '42501', null, 'A cannot write a story about B''s hero');
select throws_ok($$insert into public.stories (custom_event_id, title, content) values ('bbbbbbbb-2222-4000-8000-000000000002', 'Borrowed event', 'x')$$,
  '42501', null, 'A cannot write a story from B''s custom event');
select throws_ok($$insert into public.story_scenes (story_id, scene_number, text_segment) values ('bbbbbbbb-3333-4000-8000-000000000002', 2, 'x')$$,
  '42501', null, 'A cannot add a scene to B''s story');
select throws_ok($$insert into public.story_illustrations (story_id, scene_number) values ('bbbbbbbb-3333-4000-8000-000000000002', 2)$$,
  '42501', null, 'A cannot add an illustration to B''s story');
select throws_ok($$insert into public.listening_sessions (story_id) values ('bbbbbbbb-3333-4000-8000-000000000002')$$,
  '42501', null, 'A cannot log listening to B''s story');

-- A's own rows work, with user_id defaulting to the caller ----------------------------------------
select lives_ok($$insert into public.heroes (name, primary_trait) values ('Mia', 'curious')$$, 'A creates a hero without naming a user');
select results_eq($$select user_id from public.heroes where name = 'Mia'$$,
  array['aaaaaaaa-0000-4000-8000-000000000001'::uuid], 'the new hero belongs to A');
select lives_ok($$insert into public.story_scenes (story_id, scene_number, text_segment) values ('aaaaaaaa-3333-4000-8000-000000000001', 2, 'Luna slept.')$$,
  'A adds a scene to A''s own story');
select is(pg_temp.touched($$update public.story_illustrations set status = 'processing'$$), 1, 'A updates A''s illustration');
select throws_ok($$update public.story_illustrations set status = 'drawing'$$, '23514', null, 'an illustration status outside the contract is refused');

-- B's rows are untouched ---------------------------------------------------------------------------
reset role;
select results_eq($$select name from public.heroes where user_id = 'bbbbbbbb-0000-4000-8000-000000000002'$$, array['Theo'], 'B''s hero is unchanged');
select results_eq($$select title from public.custom_events where user_id = 'bbbbbbbb-0000-4000-8000-000000000002'$$, array['A new puppy'], 'B''s custom event is unchanged');
select results_eq($$select title from public.stories where user_id = 'bbbbbbbb-0000-4000-8000-000000000002'$$, array['Theo and the puppy'], 'B''s story is unchanged');
select results_eq($$select text_segment from public.story_scenes where story_id = 'bbbbbbbb-3333-4000-8000-000000000002'$$, array['Theo smiled.'], 'B''s scene is unchanged');
select results_eq($$select status from public.story_illustrations where story_id = 'bbbbbbbb-3333-4000-8000-000000000002'$$, array['pending'], 'B''s illustration is unchanged');
select results_eq($$select completed from public.listening_sessions where user_id = 'bbbbbbbb-0000-4000-8000-000000000002'$$, array[false], 'B''s listening session is unchanged');
select results_eq($$select title from public.stories where user_id = 'aaaaaaaa-0000-4000-8000-000000000001'$$, array['Stolen'], 'A''s own story took A''s update');

-- B sees its own rows and not A's new ones --------------------------------------------------------
select pg_temp.act_as('bbbbbbbb-0000-4000-8000-000000000002');
select results_eq($$select name from public.heroes order by name$$, array['Theo'], 'B reads only B''s heroes, not the one A just made');
select results_eq($$select count(*)::int from public.story_scenes$$, array[1], 'B reads only B''s scene');
reset role;

-- The anonymous key ---------------------------------------------------------------------------------
select pg_temp.act_as(null);
select throws_ok($$select * from public.heroes$$, '42501', null, 'anon cannot read heroes');
select throws_ok($$select * from public.custom_events$$, '42501', null, 'anon cannot read custom events');
select throws_ok($$select * from public.stories$$, '42501', null, 'anon cannot read stories');
select throws_ok($$select * from public.story_scenes$$, '42501', null, 'anon cannot read scenes');
select throws_ok($$select * from public.story_illustrations$$, '42501', null, 'anon cannot read illustrations');
select throws_ok($$select * from public.listening_sessions$$, '42501', null, 'anon cannot read listening sessions');
select throws_ok($$insert into public.heroes (user_id, name, primary_trait) values ('aaaaaaaa-0000-4000-8000-000000000001', 'x', 'kind')$$,
  '42501', null, 'anon cannot create a hero');
select is_empty($$select 1 from storage.objects$$, 'anon sees no stored file');
reset role;

select * from finish();
rollback;
