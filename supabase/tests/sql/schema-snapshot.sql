-- The public tables as PostgreSQL sees them after the migrations, as one JSON document for the
-- schema drift test: every column (type, nullability, default) and the values each
-- `CHECK (col in (...))` allows.
select jsonb_pretty(jsonb_build_object(
  'columns', (
    select jsonb_agg(jsonb_build_object(
      'table', c.table_name, 'column', c.column_name, 'type', c.udt_name,
      'nullable', c.is_nullable = 'YES', 'default', c.column_default)
      order by c.table_name, c.ordinal_position)
    from information_schema.columns c
    where c.table_schema = 'public'),
  'checks', (
    select jsonb_agg(jsonb_build_object(
      'table', t.relname, 'name', k.conname, 'definition', pg_get_constraintdef(k.oid))
      order by t.relname, k.conname)
    from pg_constraint k join pg_class t on t.oid = k.conrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and k.contype = 'c'),
  'uniques', (
    select jsonb_agg(jsonb_build_object(
      'table', t.relname,
      'columns', (select jsonb_agg(a.attname order by a.attnum) from pg_attribute a
                  where a.attrelid = t.oid and a.attnum = any (k.conkey)))
      order by t.relname, k.conname)
    from pg_constraint k join pg_class t on t.oid = k.conrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and k.contype = 'u')
));
