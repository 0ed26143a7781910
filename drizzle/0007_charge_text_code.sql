ALTER TABLE "charges" ADD COLUMN "text_code" text;--> statement-breakpoint
ALTER TABLE "charges" ADD COLUMN "text_params" jsonb;