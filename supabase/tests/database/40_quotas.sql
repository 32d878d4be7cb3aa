-- Quotas per user over a sliding hour and X-Request-ID replay, as the edge functions use them
-- (through the service role). now() is the transaction's start, so every time here is exact.
begin;
\ir _fixtures.psql
select plan(20);

set local role service_role;
-- Ten stories for A are allowed; the eleventh is refused for about an hour.
select is((select count(*)::int from generate_series(1, 10) i
           where (public.spend_quota('aaaaaaaa-0000-4000-8000-000000000001', 'story-generation', 1) ->> 'allowed')::boolean),
  10, 'A''s first ten stories this hour are allowed');
select is(public.spend_quota('aaaaaaaa-0000-4000-8000-000000000001', 'story-generation', 1) - 'used',
  '{"allowed": false, "limit": 10, "retryAfter": 3600}'::jsonb,
  'the 11th story is refused, to be retried when the first leaves the hour');
select is((public.spend_quota('aaaaaaaa-0000-4000-8000-000000000001', 'story-generation', 1) ->> 'used')::int, 10,
  'a refused call spends nothing');
select is((public.spend_quota('bbbbbbbb-0000-4000-8000-000000000002', 'story-generation', 1) ->> 'allowed')::boolean, true,
  'B has a quota of B''s own');
select is((public.spend_quota('aaaaaaaa-0000-4000-8000-000000000001', 'audio-synthesis', 1) ->> 'allowed')::boolean, true,
  'each function has its own quota');

-- A failed call is refunded.
select is((public.spend_quota('bbbbbbbb-0000-4000-8000-000000000002', 'avatar-generation', 8) ->> 'allowed')::boolean, true,
  'B spends all 8 avatars at once');
select public.refund_quota((select max(id) from public.quota_spend
                            where user_id = 'bbbbbbbb-0000-4000-8000-000000000002' and function_name = 'avatar-generation'));
select is((public.spend_quota('bbbbbbbb-0000-4000-8000-000000000002', 'avatar-generation', 1) ->> 'allowed')::boolean, true,
  'after a refund the quota is back');

-- The hour slides: spending 50 and 20 minutes ago.
reset role;
delete from public.quota_spend where user_id = 'aaaaaaaa-0000-4000-8000-000000000001';
insert into public.quota_spend (user_id, function_name, weight, spent_at) values
  ('aaaaaaaa-0000-4000-8000-000000000001', 'scene-illustration', 20, now() - interval '50 minutes'),
  ('aaaaaaaa-0000-4000-8000-000000000001', 'scene-illustration', 5, now() - interval '20 minutes'),
  ('aaaaaaaa-0000-4000-8000-000000000001', 'scene-illustration', 25, now() - interval '61 minutes');
set local role service_role;
select is(public.spend_quota('aaaaaaaa-0000-4000-8000-000000000001', 'scene-illustration', 3) - 'used',
  '{"allowed": false, "limit": 25, "retryAfter": 600}'::jsonb,
  '3 more scenes wait until the 20 scenes of 50 minutes ago leave the hour (600 s); older spending does not count');
select is((select count(*)::int from public.quota_spend where spent_at < now() - interval '1 hour'), 0,
  'spending older than the hour is cleared');
select is((public.spend_quota('bbbbbbbb-0000-4000-8000-000000000002', 'scene-illustration', 26) ->> 'retryAfter')::int, 3600,
  'a batch larger than the whole quota is refused');
select throws_ok($$select public.spend_quota('aaaaaaaa-0000-4000-8000-000000000001', 'sync-orchestrator', 1)$$,
  '22023', null, 'an unknown function is an error, not a free pass');
select throws_ok($$select public.spend_quota('aaaaaaaa-0000-4000-8000-000000000001', 'story-generation', 0)$$,
  '22023', null, 'a weight below 1 is an error');

-- Replay of X-Request-ID.
select is(public.claim_request('aaaaaaaa-0000-4000-8000-000000000001', 'story-generation', 'req-1'),
  '{"state": "claimed"}'::jsonb, 'a new request id is claimed');
select is(public.claim_request('aaaaaaaa-0000-4000-8000-000000000001', 'story-generation', 'req-1'),
  '{"state": "running"}'::jsonb, 'the same id while the first call runs is told to wait');
select is(public.claim_request('bbbbbbbb-0000-4000-8000-000000000002', 'story-generation', 'req-1'),
  '{"state": "claimed"}'::jsonb, 'request ids are per user');
select public.finish_request('aaaaaaaa-0000-4000-8000-000000000001', 'story-generation', 'req-1', 200, '{"success": true}');
select is(public.claim_request('aaaaaaaa-0000-4000-8000-000000000001', 'story-generation', 'req-1'),
  '{"state": "done", "status": 200, "body": {"success": true}}'::jsonb, 'after it finished, the same id gets the stored reply');
select public.release_request('bbbbbbbb-0000-4000-8000-000000000002', 'story-generation', 'req-1');
select is(public.claim_request('bbbbbbbb-0000-4000-8000-000000000002', 'story-generation', 'req-1'),
  '{"state": "claimed"}'::jsonb, 'a released (failed) call can be retried');
reset role;
update public.function_replies set claimed_at = now() - interval '11 minutes'
  where user_id = 'aaaaaaaa-0000-4000-8000-000000000001';
insert into public.function_replies (user_id, function_name, request_id, claimed_at)
  values ('aaaaaaaa-0000-4000-8000-000000000001', 'audio-synthesis', 'req-stale', now() - interval '7 minutes');
set local role service_role;
select is(public.claim_request('aaaaaaaa-0000-4000-8000-000000000001', 'story-generation', 'req-1'),
  '{"state": "claimed"}'::jsonb, 'a reply older than 10 minutes is forgotten');
select is(public.claim_request('aaaaaaaa-0000-4000-8000-000000000001', 'audio-synthesis', 'req-stale'),
  '{"state": "claimed"}'::jsonb, 'a claim whose call died (older than the function timeout) is taken over');
reset role;

select pg_temp.act_as('aaaaaaaa-0000-4000-8000-000000000001');
select throws_ok($$select public.spend_quota('aaaaaaaa-0000-4000-8000-000000000001', 'story-generation', 1)$$,
  '42501', null, 'a signed-in user cannot call the quota bookkeeping');
reset role;

select * from finish();
rollback;
