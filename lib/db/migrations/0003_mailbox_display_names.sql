CREATE TABLE "mailbox_display_names" (
	"domain" text NOT NULL,
	"user_name" text NOT NULL,
	"display_name" text NOT NULL,
	"set_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mailbox_display_names_domain_user_name_pk" PRIMARY KEY("domain","user_name")
);
--> statement-breakpoint
ALTER TABLE "mailbox_display_names" ADD CONSTRAINT "mailbox_display_names_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;