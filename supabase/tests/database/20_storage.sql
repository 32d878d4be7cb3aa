-- Storage policies, evaluated as the storage API evaluates them (it queries storage.objects as
-- the caller's role with the caller's JWT claims): a user reads, writes, replaces and deletes
-- only files whose first folder is their own id, in every bucket; anon reaches nothing.
begin;
\ir _fixtures.psql
select plan(16);

select pg_temp.act_as('aaaaaaaa-0000-4000-8000-000000000001');
select set_eq($$select bucket_id || ':' || split_part(name, '/', 1) from storage.objects$$,
  array['story-audio:aaaaaaaa-0000-4000-8000-000000000001', 'hero-avatars:aaaaaaaa-0000-4000-8000-000000000001',
        'story-illustrations:aaaaaaaa-0000-4000-8000-000000000001'],
  'A lists only A''s files, one in each bucket');
select is_empty($$select 1 from storage.objects where name like 'bbbbbbbb-0000-4000-8000-000000000002/%'$$,
  'A cannot see any of B''s files by path');
select is(pg_temp.touched($$update storage.objects set metadata = '{"stolen": true}' where bucket_id = 'story-audio' and name like 'bbbbbbbb%'$$), 0,
  'A cannot replace B''s narration');
select is(pg_temp.touched($$update storage.objects set metadata = '{"stolen": true}' where bucket_id = 'hero-avatars' and name like 'bbbbbbbb%'$$), 0,
  'A cannot replace B''s avatar');
select is(pg_temp.touched($$delete from storage.objects where bucket_id = 'story-illustrations' and name like 'bbbbbbbb%'$$), 0,
  'A cannot delete B''s illustration');
select is(pg_temp.touched($$delete from storage.objects where bucket_id = 'story-audio' and name like 'bbbbbbbb%'$$), 0,
  'A cannot delete B''s narration');
select throws_ok($$insert into storage.objects (bucket_id, name) values ('story-audio', 'bbbbbbbb-0000-4000-8000-000000000002/x/narration.mp3')$$,
  '42501', null, 'A cannot upload into B''s folder');
select throws_ok($$insert into storage.objects (bucket_id, name) values ('hero-avatars', 'avatar.png')$$,
  '42501', null, 'A cannot upload outside any user folder');
select throws_ok($$insert into storage.objects (bucket_id, name) values ('story-audio', 'x/aaaaaaaa-0000-4000-8000-000000000001/narration.mp3')$$,
  '42501', null, 'A''s id must be the first folder, not a later one');
select throws_ok($$update storage.objects set name = 'bbbbbbbb-0000-4000-8000-000000000002/moved.png' where bucket_id = 'hero-avatars'$$,
  '42501', null, 'A cannot move a file into B''s folder');
select lives_ok($$insert into storage.objects (bucket_id, name) values ('story-illustrations', 'aaaaaaaa-0000-4000-8000-000000000001/aaaaaaaa-3333-4000-8000-000000000001/scene_2.png')$$,
  'A uploads into A''s own folder');
select is(pg_temp.touched($$delete from storage.objects where name like 'aaaaaaaa-0000-4000-8000-000000000001/%/scene_2.png'$$), 1,
  'A deletes A''s own file');
reset role;
select results_eq($$select count(*)::int from storage.objects where name like 'bbbbbbbb%' and metadata is null$$,
  array[3], 'B''s three files are all still there, unchanged');

select pg_temp.act_as('bbbbbbbb-0000-4000-8000-000000000002');
select results_eq($$select count(*)::int from storage.objects$$, array[3], 'B lists B''s three files');
reset role;

select pg_temp.act_as(null);
select is_empty($$select 1 from storage.objects$$, 'anon lists no file');
select throws_ok($$insert into storage.objects (bucket_id, name) values ('story-audio', 'aaaaaaaa-0000-4000-8000-000000000001/x.mp3')$$,
  '42501', null, 'anon cannot upload');
reset role;

select * from finish();
rollback;
