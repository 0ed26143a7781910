CREATE TABLE "api_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "number_holder_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "number_holder_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"msisdn" text NOT NULL,
	"previous_subscriber_id" integer,
	"previous_contract" text,
	"next_subscriber_id" integer,
	"next_contract" text,
	"source" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_name" text;--> statement-breakpoint
ALTER TABLE "subscribers" ADD COLUMN "operator_contract" text;--> statement-breakpoint
ALTER TABLE "number_holder_changes" ADD CONSTRAINT "number_holder_changes_previous_subscriber_id_subscribers_id_fk" FOREIGN KEY ("previous_subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_holder_changes" ADD CONSTRAINT "number_holder_changes_next_subscriber_id_subscribers_id_fk" FOREIGN KEY ("next_subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_name_live" ON "api_tokens" USING btree ("name") WHERE "api_tokens"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "number_holder_changes_msisdn" ON "number_holder_changes" USING btree ("msisdn","changed_at");