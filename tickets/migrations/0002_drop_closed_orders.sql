-- Hand-added: orders already closed keep their outcome in the replica (version 1: created 0 → closed 1).
INSERT INTO "order_replica" ("id", "ticket_id", "status", "version")
SELECT "order_id", "ticket_id", CASE "outcome" WHEN 'completed' THEN 'complete'::replica_order_status ELSE 'cancelled'::replica_order_status END, 1
FROM "closed_orders" ON CONFLICT DO NOTHING;--> statement-breakpoint
DROP TABLE "closed_orders" CASCADE;--> statement-breakpoint
DROP TYPE "public"."closed_order_outcome";