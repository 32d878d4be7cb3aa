-- Storage (api-contract §4): three private buckets — children's stories are never readable by
-- URL; the functions hand out 1-hour signed URLs — with paths `{userId}/{storyId}/narration.mp3`,
-- `{userId}/{heroId}/avatar.png`, `{userId}/{storyId}/scene_{n}.png`. A signed-in user may read,
-- write, replace and delete only objects whose first folder is their own id.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values
  ('story-audio', 'story-audio', false, 52428800,
    array['audio/mpeg', 'audio/ogg', 'audio/wav', 'application/json']),
  ('hero-avatars', 'hero-avatars', false, 10485760, array['image/png', 'image/jpeg', 'image/webp']),
  ('story-illustrations', 'story-illustrations', false, 10485760, array['image/png', 'image/jpeg', 'image/webp'])
on conflict (id) do update set
  public = false,
  file_size_limit = excluded.file_size_limit,
  allowed_mime_types = excluded.allowed_mime_types;

drop policy if exists family_files_read on storage.objects;
create policy family_files_read on storage.objects for select to authenticated
  using (
    bucket_id in ('story-audio', 'hero-avatars', 'story-illustrations')
    and (storage.foldername(name))[1] = (select auth.uid())::text
  );

drop policy if exists family_files_insert on storage.objects;
create policy family_files_insert on storage.objects for insert to authenticated
  with check (
    bucket_id in ('story-audio', 'hero-avatars', 'story-illustrations')
    and (storage.foldername(name))[1] = (select auth.uid())::text
  );

drop policy if exists family_files_update on storage.objects;
create policy family_files_update on storage.objects for update to authenticated
  using (
    bucket_id in ('story-audio', 'hero-avatars', 'story-illustrations')
    and (storage.foldername(name))[1] = (select auth.uid())::text
  )
  with check (
    bucket_id in ('story-audio', 'hero-avatars', 'story-illustrations')
    and (storage.foldername(name))[1] = (select auth.uid())::text
  );

drop policy if exists family_files_delete on storage.objects;
create policy family_files_delete on storage.objects for delete to authenticated
  using (
    bucket_id in ('story-audio', 'hero-avatars', 'story-illustrations')
    and (storage.foldername(name))[1] = (select auth.uid())::text
  );
