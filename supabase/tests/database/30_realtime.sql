-- Realtime authorisation of private channels, checked the way Realtime checks it: as the
-- joining user (role + JWT claims) with `realtime.topic` set to the channel's topic, a SELECT on
-- realtime.messages decides whether the user may listen and an INSERT whether it may send.
begin;
\ir _fixtures.psql
select plan(13);

insert into realtime.messages (topic, extension, event, payload) values
  ('progress-7a1c0a52-5b4e-4c39-9a8e-2f1f0c3d4e5f', 'broadcast', 'progress', '{"progress": 0.5}'),
  ('presence-aaaaaaaa-0000-4000-8000-000000000001', 'presence', 'sync', '{}'),
  ('presence-bbbbbbbb-0000-4000-8000-000000000002', 'presence', 'sync', '{}');

create function pg_temp.on_topic(topic text) returns void language sql as $$
  select set_config('realtime.topic', topic, true);
$$;

select pg_temp.act_as('aaaaaaaa-0000-4000-8000-000000000001');
select pg_temp.on_topic('progress-7a1c0a52-5b4e-4c39-9a8e-2f1f0c3d4e5f');
select isnt_empty($$select 1 from realtime.messages where topic = realtime.topic() and extension = 'broadcast'$$,
  'a signed-in user may listen to a progress topic');
select throws_ok($$insert into realtime.messages (topic, extension, event, payload)
                   values (realtime.topic(), 'broadcast', 'progress', '{"progress": 1}')$$,
  '42501', null, 'a user cannot send (fake) progress');

select pg_temp.on_topic('presence-aaaaaaaa-0000-4000-8000-000000000001');
select isnt_empty($$select 1 from realtime.messages where topic = realtime.topic() and extension = 'presence'$$,
  'A may listen on A''s presence room');
select lives_ok($$insert into realtime.messages (topic, extension, event, payload)
                  values (realtime.topic(), 'presence', 'track', '{}')$$,
  'A may track presence in A''s room');

select pg_temp.on_topic('presence-bbbbbbbb-0000-4000-8000-000000000002');
select is_empty($$select 1 from realtime.messages where topic = realtime.topic()$$,
  'A may not listen on B''s presence room');
select throws_ok($$insert into realtime.messages (topic, extension, event, payload)
                   values (realtime.topic(), 'presence', 'track', '{}')$$,
  '42501', null, 'A may not track presence in B''s room');

select pg_temp.on_topic('presence-aaaaaaaa-0000-4000-8000-000000000001:home');
select lives_ok($$insert into realtime.messages (topic, extension, event, payload)
                  values (realtime.topic(), 'presence', 'track', '{}')$$,
  'A may track presence in a room of A''s (presence-<A>:home)');
select isnt_empty($$select 1 from realtime.messages where topic = realtime.topic() and extension = 'presence'$$,
  'A may listen in a room of A''s');
select pg_temp.on_topic('presence-bbbbbbbb-0000-4000-8000-000000000002:home');
select throws_ok($$insert into realtime.messages (topic, extension, event, payload)
                   values (realtime.topic(), 'presence', 'track', '{}')$$,
  '42501', null, 'A may not track presence in a room of B''s');
select pg_temp.on_topic('presence-aaaaaaaa-0000-4000-8000-000000000001x');
select throws_ok($$insert into realtime.messages (topic, extension, event, payload)
                   values (realtime.topic(), 'presence', 'track', '{}')$$,
  '42501', null, 'a topic that merely starts with A''s id is not A''s');

select pg_temp.on_topic('story-updates-bbbbbbbb-0000-4000-8000-000000000002');
select throws_ok($$insert into realtime.messages (topic, extension, event, payload)
                   values (realtime.topic(), 'broadcast', 'x', '{}')$$,
  '42501', null, 'A may not broadcast on any other topic');
reset role;

select pg_temp.act_as(null);
select pg_temp.on_topic('progress-7a1c0a52-5b4e-4c39-9a8e-2f1f0c3d4e5f');
select is_empty($$select 1 from realtime.messages where topic = realtime.topic()$$,
  'anon may not listen to progress');
select pg_temp.on_topic('presence-aaaaaaaa-0000-4000-8000-000000000001');
select is_empty($$select 1 from realtime.messages where topic = realtime.topic()$$,
  'anon may not listen on a presence room');
reset role;

select * from finish();
rollback;
