-- The writes the edge functions make as the caller: a story with its scenes at once, a custom
-- event's use counted, an illustration row upserted per scene — all under the caller's RLS.
begin;
\ir _fixtures.psql
select plan(11);

select pg_temp.act_as('aaaaaaaa-0000-4000-8000-000000000001');
select lives_ok($$select public.save_story(
  '{"id": "aaaaaaaa-4444-4000-8000-000000000001", "user_id": "aaaaaaaa-0000-4000-8000-000000000001",
    "hero_id": "aaaaaaaa-1111-4000-8000-000000000001", "title": "Night sky", "content": "One. Two. Three.",
    "language": "fr", "voice": "nova", "target_duration": 300, "estimated_duration": 290.0, "word_count": 3}',
  '[{"scene_number": 1, "text_segment": "One.", "emotion": "joyful", "importance": "key"},
    {"scene_number": 2, "text_segment": "Two.", "timestamp_seconds": 1.5, "emotion": "peaceful", "importance": "minor"}]')$$,
  'A saves a story with two scenes');
select results_eq($$select language, voice, is_favorite, play_count from public.stories where id = 'aaaaaaaa-4444-4000-8000-000000000001'$$,
  $$values ('fr'::text, 'nova'::text, false, 0)$$, 'the story has its values and the defaults');
select results_eq($$select scene_number, timestamp_seconds from public.story_scenes
                    where story_id = 'aaaaaaaa-4444-4000-8000-000000000001' order by scene_number$$,
  $$values (1, 0::double precision), (2, 1.5::double precision)$$, 'the scenes belong to the new story');
select throws_ok($$select public.save_story(
  '{"user_id": "aaaaaaaa-0000-4000-8000-000000000001", "title": "Bad", "content": "x"}',
  '[{"scene_number": 1, "text_segment": "x", "emotion": "gloomy"}]')$$,
  '23514', null, 'a bad scene refuses the whole story');
select is_empty($$select 1 from public.stories where title = 'Bad'$$, 'and no story without its scenes is left behind');
select throws_ok($$select public.save_story(
  '{"user_id": "aaaaaaaa-0000-4000-8000-000000000001", "hero_id": "bbbbbbbb-1111-4000-8000-000000000002", "title": "x", "content": "x"}', '[]')$$,
  '42501', null, 'a story about B''s hero is refused');

select public.use_custom_event('aaaaaaaa-2222-4000-8000-000000000001');
select public.use_custom_event('aaaaaaaa-2222-4000-8000-000000000001');
select public.use_custom_event('bbbbbbbb-2222-4000-8000-000000000002');
select results_eq($$select usage_count, last_used_at is not null from public.custom_events$$,
  $$values (2, true)$$, 'A''s custom event counts two uses');

select results_eq($$select status, retry_count from public.begin_illustration('aaaaaaaa-3333-4000-8000-000000000001', 2)$$,
  $$values ('pending'::text, 0)$$, 'a new scene gets a pending illustration row');
update public.story_illustrations set status = 'completed', generation_id = 'gen-1'
  where story_id = 'aaaaaaaa-3333-4000-8000-000000000001' and scene_number = 2;
select results_eq($$select status, retry_count, previous_generation_id from public.begin_illustration('aaaaaaaa-3333-4000-8000-000000000001', 2)$$,
  $$values ('pending'::text, 1, 'gen-1'::text)$$, 'a re-run resets the same row, counting the retry and keeping the last picture''s id');
select throws_ok($$select public.begin_illustration('bbbbbbbb-3333-4000-8000-000000000002', 1)$$,
  '42501', null, 'A cannot start an illustration of B''s story');
reset role;
select results_eq($$select usage_count from public.custom_events where id = 'bbbbbbbb-2222-4000-8000-000000000002'$$,
  array[0], 'B''s custom event was not counted');

select * from finish();
rollback;
