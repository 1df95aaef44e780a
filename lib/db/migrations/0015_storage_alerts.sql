CREATE TABLE "storage_alerts" (
	"domain" text NOT NULL,
	"user_name" text NOT NULL,
	"address" text NOT NULL,
	"percent" integer NOT NULL,
	"quota_used_mb" integer NOT NULL,
	"quota_mb" integer NOT NULL,
	"crossed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"emailed_at" timestamp with time zone,
	CONSTRAINT "storage_alerts_domain_user_name_pk" PRIMARY KEY("domain","user_name")
);
