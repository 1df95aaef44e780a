CREATE TABLE "mirror_expirations" (
	"domain" text NOT NULL,
	"bundle_id" integer NOT NULL,
	"expires" text NOT NULL,
	"auto_renew" boolean,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mirror_expirations_domain_bundle_id_pk" PRIMARY KEY("domain","bundle_id")
);
--> statement-breakpoint
ALTER TABLE "mirror_expirations" ADD CONSTRAINT "mirror_expirations_domain_mirror_domains_domain_fk" FOREIGN KEY ("domain") REFERENCES "public"."mirror_domains"("domain") ON DELETE cascade ON UPDATE no action;