CREATE TABLE "domain_mail_health" (
	"domain" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"health" jsonb NOT NULL,
	"dns_at_provider" boolean,
	"checked_at" timestamp with time zone NOT NULL,
	"previous_status" text
);
--> statement-breakpoint
CREATE INDEX "domain_mail_health_status_idx" ON "domain_mail_health" USING btree ("status","domain");--> statement-breakpoint
-- Kept reads (lib/mirror/version.ts) that count domains by mail health are forgotten when it changes.
CREATE TRIGGER domain_mail_health_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON domain_mail_health FOR EACH STATEMENT EXECUTE FUNCTION mailpak_mirror_changed();
