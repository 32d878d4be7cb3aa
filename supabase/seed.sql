-- Seed data for a local stack (`supabase db reset` runs it after the migrations). Intentionally
-- empty: families create their own heroes and stories, and the quotas the functions need are
-- set by the migrations (public.function_quotas), so a hosted project needs no seed at all.
select 1;
