-- Users who signed up before auth published user.registered.v1: one event each through the outbox, so
-- notifications learns their addresses the same way it learns new ones. Runs once (drizzle records it);
-- the outbox table exists already (the bus migrations run first).
INSERT INTO "outbox" ("id", "subject", "envelope")
SELECT "event_id", 'user.registered.v1', jsonb_build_object(
  'id', "event_id",
  'subject', 'user.registered.v1',
  'occurredAt', to_char("created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'data', jsonb_build_object('id', "id", 'email', "email", 'name', "name")
)
FROM (SELECT gen_random_uuid() AS "event_id", "id", "email", "name", "created_at" FROM "users" ORDER BY "created_at", "id") AS "registered";
--> statement-breakpoint
SELECT pg_notify('outbox', '');
