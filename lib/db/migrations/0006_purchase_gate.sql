CREATE TABLE "purchase_confirmations" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"actor_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"earlier_keys" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_for" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "purchase_attempts" ADD COLUMN "fingerprint" text;--> statement-breakpoint
ALTER TABLE "purchase_attempts" ADD COLUMN "repeat_of" text;--> statement-breakpoint
CREATE INDEX "purchase_attempts_fingerprint_idx" ON "purchase_attempts" USING btree ("fingerprint","created_at");