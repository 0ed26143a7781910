CREATE TYPE "public"."order_event_state" AS ENUM('pending', 'delivered', 'dead');--> statement-breakpoint
CREATE TYPE "public"."order_state" AS ENUM('accepted', 'completed', 'rejected', 'expired');--> statement-breakpoint
CREATE TABLE "order_event_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"last_sequence" bigint DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"blocked" boolean DEFAULT false NOT NULL,
	"in_flight_through" bigint,
	"locked_by" text,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"sequence" bigint NOT NULL,
	"order_id" bigint NOT NULL,
	"type" text NOT NULL,
	"body" jsonb NOT NULL,
	"state" "order_event_state" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"pending_since" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"fee" bigint DEFAULT 0 NOT NULL,
	"client_id" integer NOT NULL,
	"subscriber_id" integer,
	"client_unp" text NOT NULL,
	"msisdn" text,
	"requested_by_role" text NOT NULL,
	"requested_by_telegram_id" bigint,
	"state" "order_state" NOT NULL,
	"reason" text,
	"external_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_key_order_event_keys_key_fk" FOREIGN KEY ("key") REFERENCES "public"."order_event_keys"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_event_keys_due" ON "order_event_keys" USING btree ("next_attempt_at") WHERE "order_event_keys"."next_attempt_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "order_events_key_sequence" ON "order_events" USING btree ("key","sequence");--> statement-breakpoint
CREATE INDEX "order_events_open" ON "order_events" USING btree ("key","sequence") WHERE "order_events"."state" <> 'delivered';--> statement-breakpoint
CREATE INDEX "order_events_state" ON "order_events" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "order_events_order" ON "order_events" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "orders_client" ON "orders" USING btree ("client_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_subscriber" ON "orders" USING btree ("subscriber_id","id" DESC NULLS LAST);