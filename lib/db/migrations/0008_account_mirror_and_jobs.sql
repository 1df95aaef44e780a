CREATE TABLE "job_items" (
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"label" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"input" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "job_items_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"title" text NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"actor_role" text,
	"customer_id" uuid,
	"domain" text,
	"total" integer DEFAULT 0 NOT NULL,
	"succeeded" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"unknown" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mirror_domains" (
	"domain" text PRIMARY KEY NOT NULL,
	"listed_at" timestamp with time zone,
	"has_email" boolean,
	"email_read_at" timestamp with time zone,
	"catch_all" text,
	"catch_all_read_at" timestamp with time zone,
	"forwarding_read_at" timestamp with time zone,
	"read_error" text,
	"read_error_at" timestamp with time zone,
	"sync_generation" bigint
);
--> statement-breakpoint
CREATE TABLE "mirror_forwards" (
	"domain" text NOT NULL,
	"user_name" text NOT NULL,
	"forward_to" text NOT NULL,
	"active" boolean NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mirror_forwards_domain_user_name_pk" PRIMARY KEY("domain","user_name")
);
--> statement-breakpoint
CREATE TABLE "mirror_mailboxes" (
	"domain" text NOT NULL,
	"user_name" text NOT NULL,
	"address" text NOT NULL,
	"bundle_id" integer,
	"is_admin" boolean NOT NULL,
	"quota_mb" integer,
	"quota_used_mb" integer,
	"expires" text,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mirror_mailboxes_domain_user_name_pk" PRIMARY KEY("domain","user_name")
);
--> statement-breakpoint
CREATE TABLE "mirror_paks" (
	"domain" text NOT NULL,
	"bundle_id" integer NOT NULL,
	"capacity_gb" integer,
	"quota_mb" integer,
	"purchased" integer NOT NULL,
	"available" integer NOT NULL,
	"expires" text NOT NULL,
	"auto_renew" boolean NOT NULL,
	"prod_type" integer,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mirror_paks_domain_bundle_id_pk" PRIMARY KEY("domain","bundle_id")
);
--> statement-breakpoint
CREATE TABLE "mirror_syncs" (
	"generation" bigserial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"domains_listed" integer,
	"domains_read" integer,
	"enom_calls" integer,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "job_items" ADD CONSTRAINT "job_items_job_id_job_runs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_forwards" ADD CONSTRAINT "mirror_forwards_domain_mirror_domains_domain_fk" FOREIGN KEY ("domain") REFERENCES "public"."mirror_domains"("domain") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_mailboxes" ADD CONSTRAINT "mirror_mailboxes_domain_mirror_domains_domain_fk" FOREIGN KEY ("domain") REFERENCES "public"."mirror_domains"("domain") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_paks" ADD CONSTRAINT "mirror_paks_domain_mirror_domains_domain_fk" FOREIGN KEY ("domain") REFERENCES "public"."mirror_domains"("domain") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_runs_created_idx" ON "job_runs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "job_runs_customer_idx" ON "job_runs" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "mirror_domains_email_read_idx" ON "mirror_domains" USING btree ("email_read_at");--> statement-breakpoint
CREATE INDEX "mirror_domains_generation_idx" ON "mirror_domains" USING btree ("sync_generation");--> statement-breakpoint
CREATE INDEX "mirror_mailboxes_address_idx" ON "mirror_mailboxes" USING btree ("address");--> statement-breakpoint
CREATE INDEX "mirror_paks_expires_idx" ON "mirror_paks" USING btree ("expires");