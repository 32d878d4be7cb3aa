-- Bookkeeping for the edge functions (supabase/functions): per-user quotas over a sliding hour
-- (api-contract §2: story 10, audio 15, avatar 8, illustration scenes 25, extract-scenes 20) and
-- replies kept for 10 minutes so a retry with the same X-Request-ID gets the first answer back
-- instead of a second story. Only the service role may touch any of it: the tables have RLS on
-- and no policy, and the functions are revoked from everyone else (a user who could refund
-- their own spending would have no quota at all).

create table if not exists public.function_quotas (
  function_name text primary key,
  per_hour integer not null check (per_hour >= 0)
);
-- Defaults; change a row to change a quota (the migration never overwrites a changed value).
insert into public.function_quotas (function_name, per_hour) values
  ('story-generation', 10),
  ('audio-synthesis', 15),
  ('avatar-generation', 8),
  ('scene-illustration', 25),
  ('extract-scenes', 20)
on conflict (function_name) do nothing;

create table if not exists public.quota_spend (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  function_name text not null references public.function_quotas (function_name),
  weight integer not null check (weight > 0),
  spent_at timestamptz not null default now()
);
create index if not exists quota_spend_user_function on public.quota_spend (user_id, function_name, spent_at);

create table if not exists public.function_replies (
  user_id uuid not null references auth.users (id) on delete cascade,
  function_name text not null,
  request_id text not null check (char_length(request_id) between 1 and 128),
  state text not null default 'running' check (state in ('running', 'done')),
  status integer,
  body jsonb,
  claimed_at timestamptz not null default now(),
  primary key (user_id, function_name, request_id)
);
create index if not exists function_replies_claimed on public.function_replies (user_id, claimed_at);

alter table public.function_quotas enable row level security;
alter table public.quota_spend enable row level security;
alter table public.function_replies enable row level security;
revoke all on public.function_quotas, public.quota_spend, public.function_replies from anon, authenticated;
grant all on public.function_quotas, public.quota_spend, public.function_replies to service_role;

-- Spends `p_weight` units of `p_function` for `p_user`, or refuses when the last hour's spending
-- plus this one would pass the quota. Answers {"allowed": true, "spendId", "limit", "used"} or
-- {"allowed": false, "limit", "used", "retryAfter"} where retryAfter is the seconds until enough
-- of the oldest spending has left the hour. Concurrent calls of one user queue on a lock.
create or replace function public.spend_quota(p_user uuid, p_function text, p_weight integer)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_limit integer;
  v_used integer;
  v_freed integer := 0;
  v_until timestamptz;
  v_id bigint;
  r record;
begin
  if p_user is null then
    raise exception 'spend_quota: p_user is required' using errcode = '22004';
  end if;
  if p_weight is null or p_weight < 1 then
    raise exception 'spend_quota: p_weight must be at least 1, not %', p_weight using errcode = '22023';
  end if;
  select q.per_hour into v_limit from public.function_quotas q where q.function_name = p_function;
  if v_limit is null then
    raise exception 'spend_quota: unknown function "%"', p_function using errcode = '22023';
  end if;
  perform pg_advisory_xact_lock(hashtextextended(p_user::text || '/' || p_function, 0));
  delete from public.quota_spend s
    where s.user_id = p_user and s.function_name = p_function and s.spent_at <= now() - interval '1 hour';
  select coalesce(sum(s.weight), 0) into v_used from public.quota_spend s
    where s.user_id = p_user and s.function_name = p_function;
  if v_used + p_weight > v_limit then
    v_until := now() + interval '1 hour';
    for r in
      select s.weight, s.spent_at from public.quota_spend s
      where s.user_id = p_user and s.function_name = p_function
      order by s.spent_at, s.id
    loop
      v_freed := v_freed + r.weight;
      if v_used - v_freed + p_weight <= v_limit then
        v_until := r.spent_at + interval '1 hour';
        exit;
      end if;
    end loop;
    return jsonb_build_object(
      'allowed', false, 'limit', v_limit, 'used', v_used,
      'retryAfter', greatest(1, ceil(extract(epoch from (v_until - now()))))::integer);
  end if;
  insert into public.quota_spend (user_id, function_name, weight)
    values (p_user, p_function, p_weight) returning id into v_id;
  return jsonb_build_object('allowed', true, 'spendId', v_id, 'limit', v_limit, 'used', v_used + p_weight);
end
$$;

-- Gives back a failed call's spending: a failed call does not use up the family's quota.
create or replace function public.refund_quota(p_spend_id bigint)
returns void
language sql
set search_path = ''
as $$
  delete from public.quota_spend where id = p_spend_id;
$$;

-- Claims `p_request_id` for one call. Answers {"state": "claimed"} (go ahead), {"state": "done",
-- "status", "body"} (the stored reply of an earlier call within 10 minutes) or {"state":
-- "running"} (another call with this id is still working: wait and ask again). A claim older
-- than `p_stale_after` is taken over: its call died without finishing or releasing it.
create or replace function public.claim_request(
  p_user uuid, p_function text, p_request_id text, p_stale_after interval default interval '6 minutes')
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_row public.function_replies;
begin
  delete from public.function_replies f
    where f.user_id = p_user and f.claimed_at <= now() - interval '10 minutes';
  insert into public.function_replies (user_id, function_name, request_id)
    values (p_user, p_function, p_request_id)
    on conflict do nothing;
  if found then
    return jsonb_build_object('state', 'claimed');
  end if;
  select * into v_row from public.function_replies f
    where f.user_id = p_user and f.function_name = p_function and f.request_id = p_request_id
    for update;
  if v_row.state = 'done' then
    return jsonb_build_object('state', 'done', 'status', v_row.status, 'body', v_row.body);
  end if;
  if v_row.claimed_at <= now() - p_stale_after then
    update public.function_replies f set claimed_at = now()
      where f.user_id = p_user and f.function_name = p_function and f.request_id = p_request_id;
    return jsonb_build_object('state', 'claimed');
  end if;
  return jsonb_build_object('state', 'running');
end
$$;

-- Stores the reply of a finished call for replay.
create or replace function public.finish_request(
  p_user uuid, p_function text, p_request_id text, p_status integer, p_body jsonb)
returns void
language sql
set search_path = ''
as $$
  update public.function_replies set state = 'done', status = p_status, body = p_body
    where user_id = p_user and function_name = p_function and request_id = p_request_id;
$$;

-- Forgets a failed call's claim, so a retry runs again.
create or replace function public.release_request(p_user uuid, p_function text, p_request_id text)
returns void
language sql
set search_path = ''
as $$
  delete from public.function_replies
    where user_id = p_user and function_name = p_function and request_id = p_request_id and state = 'running';
$$;

revoke all on function public.spend_quota(uuid, text, integer), public.refund_quota(bigint),
  public.claim_request(uuid, text, text, interval), public.finish_request(uuid, text, text, integer, jsonb),
  public.release_request(uuid, text, text)
  from public, anon, authenticated;
grant execute on function public.spend_quota(uuid, text, integer), public.refund_quota(bigint),
  public.claim_request(uuid, text, text, interval), public.finish_request(uuid, text, text, integer, jsonb),
  public.release_request(uuid, text, text)
  to service_role;
-- The trigger function runs as part of writes; nobody needs to call it directly.
revoke all on function public.set_updated_at() from public, anon, authenticated;
