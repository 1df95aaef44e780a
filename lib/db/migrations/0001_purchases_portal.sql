CREATE TABLE "customer_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"invited_by" uuid,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purchase_attempts" (
	"key" text PRIMARY KEY NOT NULL,
	"batch_key" text,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_email" text NOT NULL,
	"actor_role" text NOT NULL,
	"customer_id" uuid,
	"domain" text NOT NULL,
	"pak_id" text,
	"request" jsonb NOT NULL,
	"before" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"reconciliation" text,
	"cost_cents" integer,
	"retail_cents" integer,
	"enom_order_id" text,
	"enom_tracking_key" text,
	"enom_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "renewal_reminders" (
	"domain" text NOT NULL,
	"bundle_id" text NOT NULL,
	"expires" text NOT NULL,
	"days_before" integer NOT NULL,
	"customer_id" uuid,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renewal_reminders_domain_bundle_id_expires_days_before_pk" PRIMARY KEY("domain","bundle_id","expires","days_before")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "customer_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_invitations" ADD CONSTRAINT "customer_invitations_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_invitations" ADD CONSTRAINT "customer_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_invitations_token_unique" ON "customer_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "customer_invitations_customer_idx" ON "customer_invitations" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "password_reset_tokens_token_unique" ON "password_reset_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "purchase_attempts_domain_idx" ON "purchase_attempts" USING btree ("domain");--> statement-breakpoint
CREATE INDEX "purchase_attempts_status_idx" ON "purchase_attempts" USING btree ("status");--> statement-breakpoint
CREATE INDEX "purchase_attempts_batch_idx" ON "purchase_attempts" USING btree ("batch_key");--> statement-breakpoint
-- Logins made by staff before customer admins existed are their customer's administrators.
UPDATE "users" SET "customer_admin" = true WHERE "role" = 'customer';
