-- Every panel instance keeps a page's reads of the mirror until one of these tables changes
-- (lib/mirror/version.ts): a statement that writes one of them sends NOTIFY mirror_changed, which
-- PostgreSQL delivers when the transaction commits (several in one transaction arrive as one).
CREATE OR REPLACE FUNCTION mailpak_mirror_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('mirror_changed', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER mirror_domains_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mirror_domains FOR EACH STATEMENT EXECUTE FUNCTION mailpak_mirror_changed();
--> statement-breakpoint
CREATE TRIGGER mirror_paks_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mirror_paks FOR EACH STATEMENT EXECUTE FUNCTION mailpak_mirror_changed();
--> statement-breakpoint
CREATE TRIGGER mirror_mailboxes_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mirror_mailboxes FOR EACH STATEMENT EXECUTE FUNCTION mailpak_mirror_changed();
--> statement-breakpoint
CREATE TRIGGER mirror_forwards_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mirror_forwards FOR EACH STATEMENT EXECUTE FUNCTION mailpak_mirror_changed();
--> statement-breakpoint
CREATE TRIGGER mirror_expirations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mirror_expirations FOR EACH STATEMENT EXECUTE FUNCTION mailpak_mirror_changed();
--> statement-breakpoint
CREATE TRIGGER mirror_syncs_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mirror_syncs FOR EACH STATEMENT EXECUTE FUNCTION mailpak_mirror_changed();
--> statement-breakpoint
CREATE TRIGGER customers_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON customers FOR EACH STATEMENT EXECUTE FUNCTION mailpak_mirror_changed();
--> statement-breakpoint
CREATE TRIGGER customer_domains_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON customer_domains FOR EACH STATEMENT EXECUTE FUNCTION mailpak_mirror_changed();
--> statement-breakpoint
CREATE TRIGGER mailbox_display_names_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mailbox_display_names FOR EACH STATEMENT EXECUTE FUNCTION mailpak_mirror_changed();
--> statement-breakpoint
-- Search inside addresses, display names, domain and customer names (`like '%q%'`) through
-- trigram indexes. pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may add it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS mirror_mailboxes_address_trgm_idx ON mirror_mailboxes USING gin (address gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS mirror_domains_domain_trgm_idx ON mirror_domains USING gin (domain gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS mailbox_display_names_name_trgm_idx ON mailbox_display_names USING gin (lower(display_name) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS customers_name_trgm_idx ON customers USING gin (lower(name) gin_trgm_ops);
