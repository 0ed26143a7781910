-- Search at millions of rows (bench/, BENCHMARKS.md). Each search shape is served by an index-only scan:
-- the INCLUDE columns (which drizzle cannot declare, so they live only here) carry what the query filters
-- and returns, instead of a heap fetch per number looked at. pg_trgm serves masks with a long inner run.
-- PGlite loads pg_trgm in src/db/client.ts; the test template creates it before migrating.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "number_pool_category_random";--> statement-breakpoint
DROP INDEX "number_pool_random";--> statement-breakpoint
DROP INDEX "number_pool_msisdn_prefix";--> statement-breakpoint
DROP INDEX "number_pool_msisdn_rev";--> statement-breakpoint
DROP INDEX "subscribers_client_msisdn";--> statement-breakpoint
DROP INDEX "subscribers_client_msisdn_rev";--> statement-breakpoint
CREATE INDEX "number_pool_msisdn_trgm" ON "number_pool" USING gin ("msisdn" gin_trgm_ops) WHERE "number_pool"."status" = 'free';--> statement-breakpoint
CREATE INDEX "subscribers_msisdn_trgm" ON "subscribers" USING gin ("msisdn" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "number_pool_category_random" ON "number_pool" USING btree ("category_id","random_key") INCLUDE ("msisdn","reserved_by_subscriber_id","reserved_until") WHERE "number_pool"."status" = 'free';--> statement-breakpoint
CREATE INDEX "number_pool_random" ON "number_pool" USING btree ("random_key") INCLUDE ("msisdn","category_id","reserved_by_subscriber_id","reserved_until") WHERE "number_pool"."status" = 'free';--> statement-breakpoint
CREATE INDEX "number_pool_msisdn_prefix" ON "number_pool" USING btree ("msisdn" text_pattern_ops) INCLUDE ("category_id","random_key","reserved_by_subscriber_id","reserved_until") WHERE "number_pool"."status" = 'free';--> statement-breakpoint
CREATE INDEX "number_pool_msisdn_rev" ON "number_pool" USING btree (reverse("msisdn") text_pattern_ops) INCLUDE ("msisdn","category_id","random_key","reserved_by_subscriber_id","reserved_until") WHERE "number_pool"."status" = 'free';--> statement-breakpoint
CREATE INDEX "subscribers_client_msisdn" ON "subscribers" USING btree ("client_id","msisdn" text_pattern_ops) INCLUDE ("id","status","display_name");--> statement-breakpoint
CREATE INDEX "subscribers_client_msisdn_rev" ON "subscribers" USING btree ("client_id",reverse("msisdn") text_pattern_ops) INCLUDE ("msisdn","id","status","display_name");
