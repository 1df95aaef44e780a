ALTER TABLE "customers" ADD COLUMN "can_create_mailboxes" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- A customer who could manage mailboxes keeps both halves; one who could not gets neither.
UPDATE "customers" SET "can_create_mailboxes" = "can_manage_mailboxes";
