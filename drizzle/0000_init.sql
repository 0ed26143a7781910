CREATE TYPE "public"."role_kind" AS ENUM('admin', 'subscriber', 'support');--> statement-breakpoint
CREATE TYPE "public"."charge_kind" AS ENUM('subscription', 'service', 'usage', 'fee');--> statement-breakpoint
CREATE TYPE "public"."invoice_delivery" AS ENUM('email', 'download');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('unconfirmed', 'confirmed');--> statement-breakpoint
CREATE TYPE "public"."usage_kind" AS ENUM('call_out', 'call_in', 'sms_out', 'sms_in');--> statement-breakpoint
CREATE TYPE "public"."service_kind" AS ENUM('additional', 'mobile_internet', 'voicemail');--> statement-breakpoint
CREATE TYPE "public"."settings_kind" AS ENUM('internet', 'mms', 'video');--> statement-breakpoint
CREATE TYPE "public"."bill_delivery" AS ENUM('email', 'post', 'portal');--> statement-breakpoint
CREATE TYPE "public"."client_status" AS ENUM('active', 'suspended', 'closed');--> statement-breakpoint
CREATE TYPE "public"."payment_form" AS ENUM('advance', 'credit');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('pending', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."list_line_status" AS ENUM('invalid', 'pending', 'done', 'refused');--> statement-breakpoint
CREATE TYPE "public"."list_kind" AS ENUM('rename', 'service');--> statement-breakpoint
CREATE TYPE "public"."list_status" AS ENUM('draft', 'queued', 'running', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."rename_status" AS ENUM('pending', 'applied', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."pool_status" AS ENUM('free', 'quarantine', 'taken');--> statement-breakpoint
CREATE TYPE "public"."forward_condition" AS ENUM('unconditional', 'busy', 'no_reply', 'unreachable');--> statement-breakpoint
CREATE TYPE "public"."subscriber_status" AS ENUM('active', 'blocked', 'terminated');--> statement-breakpoint
CREATE TYPE "public"."ticket_author" AS ENUM('user', 'staff', 'system');--> statement-breakpoint
CREATE TYPE "public"."ticket_status" AS ENUM('new', 'in_work', 'waiting', 'closed');--> statement-breakpoint
CREATE SEQUENCE "public"."ticket_ids" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 1;--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_telegram_id" bigint,
	"role" text,
	"client_id" integer,
	"subscriber_id" integer,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invites" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "invites_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"code_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_telegram_id" bigint,
	CONSTRAINT "invites_codeHash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sign_in_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"telegram_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telegram_roles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "telegram_roles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"telegram_id" bigint NOT NULL,
	"role" "role_kind" NOT NULL,
	"client_id" integer,
	"subscriber_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "telegram_roles_shape" CHECK (("telegram_roles"."role" = 'admin' and "telegram_roles"."client_id" is not null and "telegram_roles"."subscriber_id" is null)
        or ("telegram_roles"."role" = 'subscriber' and "telegram_roles"."subscriber_id" is not null and "telegram_roles"."client_id" is not null)
        or ("telegram_roles"."role" = 'support' and "telegram_roles"."client_id" is null and "telegram_roles"."subscriber_id" is null))
);
--> statement-breakpoint
CREATE TABLE "telegram_users" (
	"telegram_id" bigint PRIMARY KEY NOT NULL,
	"first_name" text,
	"username" text,
	"language_code" text,
	"blocked_bot" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "charges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subscriber_id" integer NOT NULL,
	"period" date NOT NULL,
	"charged_on" date NOT NULL,
	"kind" charge_kind NOT NULL,
	"description" text NOT NULL,
	"amount" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "installments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "installments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"subscriber_id" integer,
	"item" text NOT NULL,
	"total_payments" integer NOT NULL,
	"remaining_payments" integer NOT NULL,
	"monthly_payment" bigint NOT NULL,
	"payoff_date" date NOT NULL,
	"remaining_sum" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "invoice_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"invoice_id" integer NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"amount" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_orders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "invoice_orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"invoice_id" integer NOT NULL,
	"client_id" integer NOT NULL,
	"delivery" "invoice_delivery" NOT NULL,
	"email" text,
	"chat_id" bigint,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by_telegram_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "invoices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"period" date NOT NULL,
	"number" text NOT NULL,
	"amount" bigint NOT NULL,
	"vat" bigint NOT NULL,
	"paid" boolean DEFAULT false NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "invoices_client_period" UNIQUE("client_id","period")
);
--> statement-breakpoint
CREATE TABLE "outbox_emails" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_emails_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"attachment_name" text,
	"attachment" "bytea",
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"document_number" text NOT NULL,
	"paid_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"status" "payment_status" DEFAULT 'unconfirmed' NOT NULL,
	"registered_by_telegram_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "payments_client_document" UNIQUE("client_id","document_number"),
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "tariff_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tariff_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subscriber_id" integer NOT NULL,
	"from_plan_id" integer NOT NULL,
	"to_plan_id" integer NOT NULL,
	"day" date NOT NULL,
	"fee" bigint NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tariff_changes_one_per_day" UNIQUE("subscriber_id","day")
);
--> statement-breakpoint
CREATE TABLE "usage_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "usage_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subscriber_id" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" "usage_kind" NOT NULL,
	"other_party" text NOT NULL,
	"quantity" integer NOT NULL,
	"cost" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_exclusions" (
	"service_a_id" integer NOT NULL,
	"service_b_id" integer NOT NULL,
	CONSTRAINT "service_exclusions_service_a_id_service_b_id_pk" PRIMARY KEY("service_a_id","service_b_id"),
	CONSTRAINT "service_exclusions_ordered" CHECK ("service_exclusions"."service_a_id" < "service_exclusions"."service_b_id")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "services_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"kind" "service_kind" NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"connect_fee" bigint DEFAULT 0 NOT NULL,
	"monthly_fee" bigint DEFAULT 0 NOT NULL,
	"volume_mb" integer,
	CONSTRAINT "services_code_unique" UNIQUE("code"),
	CONSTRAINT "services_fees_nonneg" CHECK ("services"."connect_fee" >= 0 and "services"."monthly_fee" >= 0)
);
--> statement-breakpoint
CREATE TABLE "settings_texts" (
	"kind" "settings_kind" PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tariff_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tariff_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"monthly_fee" bigint NOT NULL,
	"open_for_change" boolean DEFAULT true NOT NULL,
	CONSTRAINT "tariff_plans_code_unique" UNIQUE("code"),
	CONSTRAINT "tariff_plans_fee_nonneg" CHECK ("tariff_plans"."monthly_fee" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tariff_services" (
	"tariff_plan_id" integer NOT NULL,
	"service_id" integer NOT NULL,
	CONSTRAINT "tariff_services_tariff_plan_id_service_id_pk" PRIMARY KEY("tariff_plan_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "tariff_transitions" (
	"from_plan_id" integer NOT NULL,
	"to_plan_id" integer NOT NULL,
	CONSTRAINT "tariff_transitions_from_plan_id_to_plan_id_pk" PRIMARY KEY("from_plan_id","to_plan_id"),
	CONSTRAINT "tariff_transitions_not_self" CHECK ("tariff_transitions"."from_plan_id" <> "tariff_transitions"."to_plan_id")
);
--> statement-breakpoint
CREATE TABLE "bank_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bank_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"iban" text NOT NULL,
	"bank_name" text NOT NULL,
	"bic" text NOT NULL,
	CONSTRAINT "bank_accounts_client_iban" UNIQUE("client_id","iban"),
	CONSTRAINT "bank_accounts_iban_format" CHECK ("bank_accounts"."iban" ~ '^BY[0-9]{2}[0-9A-Z]{24}$')
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "clients_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"unp" text NOT NULL,
	"okpo" text,
	"legal_address" text,
	"status" "client_status" DEFAULT 'active' NOT NULL,
	"payment_form" "payment_form" NOT NULL,
	"credit_limit" bigint DEFAULT 0 NOT NULL,
	"balance" bigint DEFAULT 0 NOT NULL,
	"contract_number" text NOT NULL,
	"contract_date" date NOT NULL,
	"bill_delivery_method" "bill_delivery" DEFAULT 'email' NOT NULL,
	"bill_delivery_address" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clients_unp_unique" UNIQUE("unp"),
	CONSTRAINT "clients_unp_format" CHECK ("clients"."unp" ~ '^[0-9A-Z]{9}$'),
	CONSTRAINT "clients_credit_limit_nonneg" CHECK ("clients"."credit_limit" >= 0)
);
--> statement-breakpoint
CREATE TABLE "personal_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "personal_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"number" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "personal_accounts_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"dedupe_key" text,
	"run_at" timestamp with time zone NOT NULL,
	"status" "job_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bulk_list_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bulk_list_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"list_id" integer NOT NULL,
	"line_no" integer NOT NULL,
	"raw" text NOT NULL,
	"msisdn" text,
	"subscriber_id" integer,
	"name" text,
	"status" "list_line_status" NOT NULL,
	"reason" text,
	"processed_at" timestamp with time zone,
	CONSTRAINT "bulk_list_lines_no" UNIQUE("list_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "bulk_lists" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bulk_lists_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"kind" "list_kind" NOT NULL,
	"service_id" integer,
	"action" text,
	"status" "list_status" DEFAULT 'draft' NOT NULL,
	"requested_by_telegram_id" bigint,
	"chat_id" bigint,
	"progress_message_id" integer,
	"total" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "renames" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "renames_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"subscriber_id" integer NOT NULL,
	"list_id" integer,
	"old_name" text NOT NULL,
	"new_name" text NOT NULL,
	"status" "rename_status" DEFAULT 'pending' NOT NULL,
	"requested_by_telegram_id" bigint,
	"chat_id" bigint,
	"requested_at" timestamp with time zone NOT NULL,
	"apply_after" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "renames_name_len" CHECK (char_length("renames"."new_name") between 1 and 64)
);
--> statement-breakpoint
CREATE TABLE "number_categories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "number_categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"rank" integer NOT NULL,
	"fee" bigint NOT NULL,
	CONSTRAINT "number_categories_code_unique" UNIQUE("code"),
	CONSTRAINT "number_categories_rank_unique" UNIQUE("rank"),
	CONSTRAINT "number_categories_fee_nonneg" CHECK ("number_categories"."fee" >= 0)
);
--> statement-breakpoint
CREATE TABLE "number_category_patterns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "number_category_patterns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"category_id" integer NOT NULL,
	"position" integer NOT NULL,
	"pattern" text NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "number_category_patterns_order" UNIQUE("category_id","position")
);
--> statement-breakpoint
CREATE TABLE "number_change_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "number_change_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subscriber_id" integer NOT NULL,
	"mask" text NOT NULL,
	"category_id" integer,
	"requested_by_telegram_id" bigint,
	"status" text DEFAULT 'new' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "number_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subscriber_id" integer NOT NULL,
	"old_msisdn" text NOT NULL,
	"new_msisdn" text NOT NULL,
	"fee" bigint NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_pool" (
	"msisdn" text PRIMARY KEY NOT NULL,
	"category_id" integer NOT NULL,
	"status" "pool_status" DEFAULT 'free' NOT NULL,
	"reserved_by_subscriber_id" integer,
	"reserved_until" timestamp with time zone,
	"quarantine_until" timestamp with time zone,
	"random_key" double precision NOT NULL,
	CONSTRAINT "number_pool_msisdn_format" CHECK ("number_pool"."msisdn" ~ '^375[0-9]{9}$')
);
--> statement-breakpoint
CREATE TABLE "number_search_attempts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "number_search_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subscriber_id" integer NOT NULL,
	"day" date NOT NULL,
	"mask" text NOT NULL,
	"category_id" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_forwarding" (
	"subscriber_id" integer NOT NULL,
	"condition" "forward_condition" NOT NULL,
	"target" text NOT NULL,
	"delay_seconds" integer,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "call_forwarding_subscriber_id_condition_pk" PRIMARY KEY("subscriber_id","condition"),
	CONSTRAINT "call_forwarding_delay" CHECK (("call_forwarding"."condition" = 'no_reply' and "call_forwarding"."delay_seconds" between 5 and 30 and "call_forwarding"."delay_seconds" % 5 = 0) or ("call_forwarding"."condition" <> 'no_reply' and "call_forwarding"."delay_seconds" is null)),
	CONSTRAINT "call_forwarding_target" CHECK ("call_forwarding"."target" ~ '^[1-9][0-9]{7,14}$')
);
--> statement-breakpoint
CREATE TABLE "pauses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pauses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subscriber_id" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"ended_on" date,
	"fee" bigint NOT NULL,
	"notice_sent" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pauses_window" CHECK ("pauses"."ends_on" >= "pauses"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "subscriber_services" (
	"subscriber_id" integer NOT NULL,
	"service_id" integer NOT NULL,
	"connected_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subscriber_services_subscriber_id_service_id_pk" PRIMARY KEY("subscriber_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subscribers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"personal_account_id" integer NOT NULL,
	"msisdn" text NOT NULL,
	"full_name" text NOT NULL,
	"display_name" text NOT NULL,
	"tariff_plan_id" integer NOT NULL,
	"balance" bigint DEFAULT 0 NOT NULL,
	"status" "subscriber_status" DEFAULT 'active' NOT NULL,
	"cug_name" text,
	"sim_codes_encrypted" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subscribers_msisdn_format" CHECK ("subscribers"."msisdn" ~ '^375[0-9]{9}$'),
	CONSTRAINT "subscribers_display_name_len" CHECK (char_length("subscribers"."display_name") between 1 and 64)
);
--> statement-breakpoint
CREATE TABLE "voicemail_settings" (
	"subscriber_id" integer PRIMARY KEY NOT NULL,
	"email" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_messages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ticket_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"ticket_id" integer NOT NULL,
	"author" "ticket_author" NOT NULL,
	"author_telegram_id" bigint,
	"text" text DEFAULT '' NOT NULL,
	"attachments" jsonb,
	"user_message_id" integer,
	"support_message_id" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" integer PRIMARY KEY DEFAULT nextval('ticket_ids') NOT NULL,
	"requester_telegram_id" bigint NOT NULL,
	"requester_chat_id" bigint NOT NULL,
	"role" text NOT NULL,
	"client_id" integer,
	"subscriber_id" integer,
	"topic" text NOT NULL,
	"status" "ticket_status" DEFAULT 'new' NOT NULL,
	"assigned_staff_telegram_id" bigint,
	"forum_topic_id" integer,
	"context" jsonb,
	"rating" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "tickets_rating" CHECK ("tickets"."rating" is null or "tickets"."rating" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_roles" ADD CONSTRAINT "telegram_roles_telegram_id_telegram_users_telegram_id_fk" FOREIGN KEY ("telegram_id") REFERENCES "public"."telegram_users"("telegram_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_roles" ADD CONSTRAINT "telegram_roles_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_roles" ADD CONSTRAINT "telegram_roles_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installments" ADD CONSTRAINT "installments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installments" ADD CONSTRAINT "installments_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_orders" ADD CONSTRAINT "invoice_orders_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_orders" ADD CONSTRAINT "invoice_orders_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_changes" ADD CONSTRAINT "tariff_changes_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_changes" ADD CONSTRAINT "tariff_changes_from_plan_id_tariff_plans_id_fk" FOREIGN KEY ("from_plan_id") REFERENCES "public"."tariff_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_changes" ADD CONSTRAINT "tariff_changes_to_plan_id_tariff_plans_id_fk" FOREIGN KEY ("to_plan_id") REFERENCES "public"."tariff_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_exclusions" ADD CONSTRAINT "service_exclusions_service_a_id_services_id_fk" FOREIGN KEY ("service_a_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_exclusions" ADD CONSTRAINT "service_exclusions_service_b_id_services_id_fk" FOREIGN KEY ("service_b_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_services" ADD CONSTRAINT "tariff_services_tariff_plan_id_tariff_plans_id_fk" FOREIGN KEY ("tariff_plan_id") REFERENCES "public"."tariff_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_services" ADD CONSTRAINT "tariff_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_transitions" ADD CONSTRAINT "tariff_transitions_from_plan_id_tariff_plans_id_fk" FOREIGN KEY ("from_plan_id") REFERENCES "public"."tariff_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_transitions" ADD CONSTRAINT "tariff_transitions_to_plan_id_tariff_plans_id_fk" FOREIGN KEY ("to_plan_id") REFERENCES "public"."tariff_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD CONSTRAINT "bank_accounts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_accounts" ADD CONSTRAINT "personal_accounts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_list_lines" ADD CONSTRAINT "bulk_list_lines_list_id_bulk_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."bulk_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_list_lines" ADD CONSTRAINT "bulk_list_lines_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_lists" ADD CONSTRAINT "bulk_lists_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_lists" ADD CONSTRAINT "bulk_lists_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renames" ADD CONSTRAINT "renames_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renames" ADD CONSTRAINT "renames_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renames" ADD CONSTRAINT "renames_list_id_bulk_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."bulk_lists"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_category_patterns" ADD CONSTRAINT "number_category_patterns_category_id_number_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."number_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_change_requests" ADD CONSTRAINT "number_change_requests_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_change_requests" ADD CONSTRAINT "number_change_requests_category_id_number_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."number_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_changes" ADD CONSTRAINT "number_changes_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_pool" ADD CONSTRAINT "number_pool_category_id_number_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."number_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_pool" ADD CONSTRAINT "number_pool_reserved_by_subscriber_id_subscribers_id_fk" FOREIGN KEY ("reserved_by_subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_search_attempts" ADD CONSTRAINT "number_search_attempts_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_search_attempts" ADD CONSTRAINT "number_search_attempts_category_id_number_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."number_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_forwarding" ADD CONSTRAINT "call_forwarding_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pauses" ADD CONSTRAINT "pauses_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_services" ADD CONSTRAINT "subscriber_services_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_services" ADD CONSTRAINT "subscriber_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_personal_account_id_personal_accounts_id_fk" FOREIGN KEY ("personal_account_id") REFERENCES "public"."personal_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_tariff_plan_id_tariff_plans_id_fk" FOREIGN KEY ("tariff_plan_id") REFERENCES "public"."tariff_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voicemail_settings" ADD CONSTRAINT "voicemail_settings_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_client" ON "audit_log" USING btree ("client_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_action" ON "audit_log" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "invites_client" ON "invites" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "sign_in_failures_user" ON "sign_in_failures" USING btree ("telegram_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "telegram_roles_admin" ON "telegram_roles" USING btree ("telegram_id","client_id") WHERE "telegram_roles"."role" = 'admin';--> statement-breakpoint
CREATE UNIQUE INDEX "telegram_roles_subscriber" ON "telegram_roles" USING btree ("subscriber_id") WHERE "telegram_roles"."role" = 'subscriber';--> statement-breakpoint
CREATE UNIQUE INDEX "telegram_roles_support" ON "telegram_roles" USING btree ("telegram_id") WHERE "telegram_roles"."role" = 'support';--> statement-breakpoint
CREATE INDEX "telegram_roles_user" ON "telegram_roles" USING btree ("telegram_id");--> statement-breakpoint
CREATE INDEX "charges_subscriber_period" ON "charges" USING btree ("subscriber_id","period");--> statement-breakpoint
CREATE INDEX "payments_client_date" ON "payments" USING btree ("client_id","paid_on","id");--> statement-breakpoint
CREATE INDEX "usage_records_subscriber_time" ON "usage_records" USING btree ("subscriber_id","occurred_at");--> statement-breakpoint
CREATE INDEX "personal_accounts_client" ON "personal_accounts" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "jobs_due" ON "jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe" ON "jobs" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "bulk_list_lines_status" ON "bulk_list_lines" USING btree ("list_id","status");--> statement-breakpoint
CREATE INDEX "renames_pending" ON "renames" USING btree ("status","apply_after");--> statement-breakpoint
CREATE INDEX "renames_subscriber" ON "renames" USING btree ("subscriber_id","requested_at");--> statement-breakpoint
CREATE INDEX "number_pool_category_random" ON "number_pool" USING btree ("category_id","random_key");--> statement-breakpoint
CREATE INDEX "number_pool_random" ON "number_pool" USING btree ("random_key");--> statement-breakpoint
CREATE INDEX "number_pool_msisdn_prefix" ON "number_pool" USING btree ("msisdn" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "number_pool_msisdn_rev" ON "number_pool" USING btree (reverse("msisdn") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "number_search_attempts_day" ON "number_search_attempts" USING btree ("subscriber_id","day");--> statement-breakpoint
CREATE INDEX "pauses_subscriber" ON "pauses" USING btree ("subscriber_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_msisdn_live" ON "subscribers" USING btree ("msisdn") WHERE "subscribers"."status" <> 'terminated';--> statement-breakpoint
CREATE INDEX "subscribers_client_msisdn" ON "subscribers" USING btree ("client_id","msisdn" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "subscribers_client_msisdn_rev" ON "subscribers" USING btree ("client_id",reverse("msisdn") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "subscribers_account" ON "subscribers" USING btree ("personal_account_id","msisdn");--> statement-breakpoint
CREATE INDEX "ticket_messages_ticket" ON "ticket_messages" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "ticket_messages_user_msg" ON "ticket_messages" USING btree ("user_message_id");--> statement-breakpoint
CREATE INDEX "tickets_requester" ON "tickets" USING btree ("requester_telegram_id","updated_at");--> statement-breakpoint
CREATE INDEX "tickets_client" ON "tickets" USING btree ("client_id","updated_at");--> statement-breakpoint
CREATE INDEX "tickets_topic" ON "tickets" USING btree ("forum_topic_id");