-- The ledger (issue 18): one row per eNom debit Mailpak caused, written by the database itself.
--
-- Why a trigger and not a call in the purchase code: an attempt becomes "made" on several paths
-- (an order answered at once, a renewal job's item, an unknown outcome settled as made by any
-- instance, an approval placing a customer's order, the public API). A trigger on the one row
-- they all update cannot be forgotten by a future path, and it commits in the same transaction
-- as the attempt's outcome: no debit without its ledger row, and no ledger row without a debit.
-- `attempt_key` is unique, so a row is written once whatever is updated afterwards.
--
-- What a "made" attempt is: `status = 'ok'`. An unknown outcome settled as made becomes 'ok' with
-- reconciliation 'made' (lib/purchases/settle.ts); 'not-made' becomes 'failed'; so 'ok' alone
-- says it, and failed, pending and unknown attempts never reach the ledger.

-- "Bought 10 mailboxes · 5 GB each, yearly": the same words as the order history
-- (lib/orders/model.ts describeOrder; lib/ledger/ledger.db.test.ts keeps the two in step).
CREATE OR REPLACE FUNCTION mailpak_positive_int(value jsonb) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN jsonb_typeof(value) = 'number' AND (value #>> '{}') ~ '^[0-9]{1,9}$' AND (value #>> '{}')::integer > 0
      THEN (value #>> '{}')::integer
    WHEN jsonb_typeof(value) = 'string' AND (value #>> '{}') ~ '^[0-9]{1,9}$' AND (value #>> '{}')::integer > 0
      THEN (value #>> '{}')::integer
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION mailpak_ledger_description(kind text, request jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  quantity integer;
  capacity integer;
  period text;
  terms integer;
  mailboxes integer;
  units integer;
  years integer;
BEGIN
  IF kind = 'purchase' THEN
    quantity := mailpak_positive_int(request -> 'quantity');
    capacity := mailpak_positive_int(request -> 'capacityGb');
    period := CASE request ->> 'billingPeriod' WHEN 'month' THEN 'month' WHEN 'year' THEN 'year' END;
    IF quantity IS NULL OR capacity IS NULL OR period IS NULL THEN
      RETURN 'Bought a pak';
    END IF;
    mailboxes := CASE WHEN request ->> 'quantityUnit' = 'packs' THEN quantity * 10 ELSE quantity END;
    terms := coalesce(mailpak_positive_int(request -> 'terms'), 1);
    RETURN 'Bought ' || mailboxes || CASE WHEN mailboxes = 1 THEN ' mailbox' ELSE ' mailboxes' END
      || ' · ' || capacity || ' GB each, ' || CASE WHEN period = 'month' THEN 'monthly' ELSE 'yearly' END
      || CASE WHEN terms > 1 THEN ' · ' || terms || ' ' || period || 's' ELSE '' END;
  ELSIF kind = 'add-mailboxes' THEN
    quantity := mailpak_positive_int(request -> 'quantity');
    IF quantity IS NULL THEN
      RETURN 'Added mailboxes';
    END IF;
    RETURN 'Added ' || quantity || CASE WHEN quantity = 1 THEN ' mailbox' ELSE ' mailboxes' END;
  ELSIF kind = 'add-storage' THEN
    units := mailpak_positive_int(request -> 'units');
    IF units IS NULL THEN
      RETURN 'Added storage';
    END IF;
    RETURN 'Added ' || CASE WHEN units * 512 < 1024 THEN (units * 512) || ' MB'
      ELSE trim_scale((units * 512)::numeric / 1024)::text || ' GB' END || ' storage per mailbox';
  ELSIF kind = 'renew' THEN
    years := mailpak_positive_int(request -> 'years');
    IF years IS NULL THEN
      RETURN 'Renewed 1 pak';
    END IF;
    RETURN 'Renewed 1 pak for ' || years || CASE WHEN years = 1 THEN ' year' ELSE ' years' END;
  END IF;
  RETURN kind;
END
$$;
--> statement-breakpoint
-- The customer a debit belongs to, fixed when it is made (a domain moved later keeps its history):
-- the customer that placed the order, else the one the domain was assigned to then; none for the
-- reseller's own domains. A customer deleted since is no one (the column's foreign key).
CREATE OR REPLACE FUNCTION mailpak_ledger_customer(customer uuid, domain_name text) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT c.id FROM customers c WHERE c.id = customer),
    (SELECT cd.customer_id FROM customer_domains cd WHERE cd.domain = lower(domain_name))
  )
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION mailpak_record_ledger_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The attempt's outcome must be recorded whatever happens here: a ledger failure is logged by
  -- PostgreSQL and never undoes the record of what eNom did (that would hide a real debit).
  BEGIN
    INSERT INTO ledger_entries (
      attempt_key, customer_id, domain, kind, description, enom_order_id, enom_tracking_key,
      cost_cents, retail_cents, occurred_at
    ) VALUES (
      NEW.key,
      mailpak_ledger_customer(NEW.customer_id, NEW.domain),
      NEW.domain,
      NEW.kind,
      mailpak_ledger_description(NEW.kind, NEW.request),
      NEW.enom_order_id,
      NEW.enom_tracking_key,
      -- eNom's OrderAmount when it said one (outcome.ts), else the cost quoted at the price list.
      coalesce(NEW.cost_cents, 0),
      coalesce(NEW.retail_cents, 0),
      now()
    )
    ON CONFLICT (attempt_key) DO NOTHING;
  EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'ledger entry for purchase attempt % not written: %', NEW.key, SQLERRM;
  END;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER purchase_attempts_ledger AFTER INSERT OR UPDATE OF status ON purchase_attempts
  FOR EACH ROW WHEN (NEW.status = 'ok') EXECUTE FUNCTION mailpak_record_ledger_entry();
--> statement-breakpoint
-- Attempts made before the ledger existed, at the time they were last changed (when they became made).
INSERT INTO ledger_entries (
  attempt_key, customer_id, domain, kind, description, enom_order_id, enom_tracking_key,
  cost_cents, retail_cents, occurred_at
)
SELECT
  a.key,
  mailpak_ledger_customer(a.customer_id, a.domain),
  a.domain,
  a.kind,
  mailpak_ledger_description(a.kind, a.request),
  a.enom_order_id,
  a.enom_tracking_key,
  coalesce(a.cost_cents, 0),
  coalesce(a.retail_cents, 0),
  a.updated_at
FROM purchase_attempts a
WHERE a.status = 'ok'
ON CONFLICT (attempt_key) DO NOTHING;
