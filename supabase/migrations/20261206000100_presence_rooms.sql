-- A family's devices may split their presence into rooms: the app joins `presence-{userId}` or
-- `presence-{userId}:{room}` (the embedded backend has always allowed both). The first realtime
-- migration's policies matched only the bare topic, so a private join of a room was refused.
-- The user id is a fixed-length UUID and the room starts after a ':', so one account's topic
-- can never be a prefix of another's.
drop policy if exists presence_own_room_listen on realtime.messages;
create policy presence_own_room_listen on realtime.messages for select to authenticated
  using (
    realtime.messages.extension in ('presence', 'broadcast')
    and (
      (select realtime.topic()) = 'presence-' || (select auth.uid())::text
      or starts_with((select realtime.topic()), 'presence-' || (select auth.uid())::text || ':')
    )
  );

drop policy if exists presence_own_room_send on realtime.messages;
create policy presence_own_room_send on realtime.messages for insert to authenticated
  with check (
    realtime.messages.extension in ('presence', 'broadcast')
    and (
      (select realtime.topic()) = 'presence-' || (select auth.uid())::text
      or starts_with((select realtime.topic()), 'presence-' || (select auth.uid())::text || ':')
    )
  );
