ALTER TABLE "mirror_domains" ADD COLUMN "pak_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mirror_domains" ADD COLUMN "pak_expiries" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "mirror_domains" ADD COLUMN "mailboxes_purchased" integer;--> statement-breakpoint
ALTER TABLE "mirror_domains" ADD COLUMN "mailboxes_used" integer;--> statement-breakpoint
ALTER TABLE "mirror_domains" ADD COLUMN "full_paks" integer;--> statement-breakpoint
ALTER TABLE "mirror_domains" ADD COLUMN "quotas_mb" integer[];--> statement-breakpoint
ALTER TABLE "mirror_domains" ADD COLUMN "auto_renew_on" integer;--> statement-breakpoint
ALTER TABLE "mirror_domains" ADD COLUMN "storage_used_mb" integer;--> statement-breakpoint
ALTER TABLE "mirror_domains" ADD COLUMN "storage_known" boolean;