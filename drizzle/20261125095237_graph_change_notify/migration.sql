-- Every write to the graph tells listeners (the response cache) after it commits: NOTIFY is
-- delivered on commit only, and duplicate notifications in one transaction collapse into one.
-- Statement-level triggers catch writes from any process (server, CLI, generator, psql).
CREATE FUNCTION "news_graph_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('news_graph_changed', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Every table of the schema except api_tokens, whose last_used_at changes on each authenticated
-- request and which no query reads. tests/db/graph-change-notify.test.ts keeps new tables covered.
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> 'api_tokens' AND tablename NOT LIKE '\_\_drizzle%'
  LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION news_graph_notify_change()',
      t || '_notify_change', t);
  END LOOP;
END;
$$;
