-- The writes the edge functions make as the caller (security invoker: row-level security
-- applies, so a function can only ever write the caller's own rows), each one statement or one
-- transaction so a story never exists without its scenes and two runs of an illustration batch
-- never make two rows for one scene.

-- A new story and its scenes, in one transaction (realtime sends the INSERTs after the commit).
create or replace function public.save_story(p_story jsonb, p_scenes jsonb)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
begin
  insert into public.stories
    select * from jsonb_populate_record(null::public.stories,
      jsonb_build_object('id', gen_random_uuid(), 'created_at', now(), 'updated_at', now(),
                         'is_favorite', false, 'play_count', 0, 'language', 'en') || p_story)
    returning id into v_id;
  insert into public.story_scenes
    select * from jsonb_populate_recordset(null::public.story_scenes,
      (select coalesce(jsonb_agg(jsonb_build_object('id', gen_random_uuid(), 'created_at', now(),
                                                    'updated_at', now(), 'timestamp_seconds', 0)
                                 || s || jsonb_build_object('story_id', v_id)), '[]'::jsonb)
       from jsonb_array_elements(p_scenes) s));
  return v_id;
end
$$;

-- One more use of a custom event, counted on the row as it is now (no lost update).
create or replace function public.use_custom_event(p_id uuid)
returns void
language sql
security invoker
set search_path = ''
as $$
  update public.custom_events set usage_count = usage_count + 1, last_used_at = now() where id = p_id;
$$;

-- The `pending` row of one scene's illustration: new, or the existing one reset for a re-run
-- (retry_count + 1, the last picture's generation id kept as previous_generation_id).
create or replace function public.begin_illustration(p_story_id uuid, p_scene_number integer)
returns public.story_illustrations
language sql
security invoker
set search_path = ''
as $$
  insert into public.story_illustrations (story_id, scene_number, status)
  values (p_story_id, p_scene_number, 'pending')
  on conflict (story_id, scene_number) do update set
    status = 'pending',
    error_message = null,
    retry_count = public.story_illustrations.retry_count + 1,
    previous_generation_id = public.story_illustrations.generation_id
  returning *;
$$;

revoke all on function public.save_story(jsonb, jsonb), public.use_custom_event(uuid),
  public.begin_illustration(uuid, integer) from public, anon;
grant execute on function public.save_story(jsonb, jsonb), public.use_custom_event(uuid),
  public.begin_illustration(uuid, integer) to authenticated, service_role;
