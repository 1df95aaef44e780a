"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/users/form-state";
import { createApiKeyAction, createPortalApiKeyAction } from "@/lib/actions/api-keys";
import {
  API_KEY_MAX_DAYS,
  API_KEY_MAX_IPS,
  API_KEY_NAME_MAX,
  createCustomerApiKeySchema,
  createStaffApiKeySchema,
} from "@/lib/api/key-schemas";
import { CUSTOMER_SCOPES, type ApiScope, type ScopeOffer } from "@/lib/api/scopes";
import { CreatedToken } from "./created-token";

const EMPTY = { name: "", scopes: [] as string[], expiresOn: "", allowedIps: "", customerId: "" };

function isoDate(daysFromNow: number): string {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Makes an API key: a name, its scopes, an optional expiry and allowed addresses, and for an admin
 * an optional customer to limit it to. Once made, the token is shown here, this once.
 */
export function CreateApiKeyForm(
  props:
    | { audience: "staff"; scopes: ScopeOffer[]; customers: { id: string; name: string }[] }
    | { audience: "customer"; scopes: ScopeOffer[] },
) {
  const router = useRouter();
  const scopesId = useId();
  const [values, setValues] = useState(EMPTY);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const staff = useFormAction(createStaffApiKeySchema, createApiKeyAction, {
    onSuccess: (data) => done(data.key.name, data.token),
  });
  const customer = useFormAction(createCustomerApiKeySchema, createPortalApiKeyAction, {
    onSuccess: (data) => done(data.key.name, data.token),
  });
  const form = props.audience === "staff" ? staff : customer;
  const errors = form.fieldErrors;
  const limitedToCustomer = props.audience === "customer" || values.customerId !== "";

  function done(name: string, token: string) {
    setCreated({ name, token });
    setValues(EMPTY);
    router.refresh();
  }

  function toggleScope(scope: ApiScope, on: boolean) {
    setValues((current) => ({
      ...current,
      scopes: on ? [...current.scopes, scope] : current.scopes.filter((value) => value !== scope),
    }));
  }

  if (created)
    return (
      <CreatedToken
        name={created.name}
        token={created.token}
        onDone={() => {
          setCreated(null);
          form.reset();
        }}
      />
    );

  const offered = props.scopes.filter(
    (option) => !limitedToCustomer || (CUSTOMER_SCOPES as readonly ApiScope[]).includes(option.scope),
  );

  return (
    <form
      aria-label="Create an API key"
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const scopes = values.scopes.filter((scope) => offered.some((option) => option.scope === scope));
        if (props.audience === "staff") void staff.run({ ...values, scopes });
        else
          void customer.run({
            name: values.name,
            scopes,
            expiresOn: values.expiresOn,
            allowedIps: values.allowedIps,
          });
      }}
    >
      <TextField
        label="Name"
        name="name"
        hint="What uses it, e.g. “WHMCS” or “Nightly sync”; the key is known by this name in lists and logs."
        maxLength={API_KEY_NAME_MAX}
        value={values.name}
        onChange={(event) => setValues({ ...values, name: event.target.value })}
        errors={errors.name}
        required
      />
      {props.audience === "staff" ? (
        <SelectField
          label="Limit to a customer (optional)"
          name="customerId"
          hint="A key limited to a customer sees only that customer's domains and can never do more than the customer may in the portal."
          value={values.customerId}
          onChange={(event) => setValues({ ...values, customerId: event.target.value })}
          errors={errors.customerId}
        >
          <option value="">No: a staff key, acting as you</option>
          {props.customers.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={errors.scopes?.length ? `${scopesId}-error` : undefined}
      >
        <legend className="mb-1 text-sm font-medium">Scopes</legend>
        {offered.map((option) => (
          <label key={option.scope} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="scopes"
              value={option.scope}
              className="mt-0.5 size-4 accent-[var(--color-accent)]"
              checked={values.scopes.includes(option.scope)}
              onChange={(event) => toggleScope(option.scope, event.target.checked)}
            />
            <span>
              <span className="font-medium">{option.label}</span>
              <span className="block text-xs text-muted">{option.description}</span>
            </span>
          </label>
        ))}
        <div id={`${scopesId}-error`} aria-live="polite">
          {errors.scopes?.map((error) => (
            <p key={error} className="text-xs font-medium text-danger">
              {error}
            </p>
          ))}
        </div>
      </fieldset>
      <TextField
        label="Expires on (optional)"
        name="expiresOn"
        type="date"
        min={isoDate(1)}
        max={isoDate(API_KEY_MAX_DAYS)}
        hint="The key works until the end of this day (UTC). Leave it empty for a key that does not expire."
        value={values.expiresOn}
        onChange={(event) => setValues({ ...values, expiresOn: event.target.value })}
        errors={errors.expiresOn}
      />
      <TextAreaField
        label="Allowed IP addresses (optional)"
        name="allowedIps"
        rows={3}
        placeholder={"203.0.113.7\n198.51.100.0/24\n2001:db8::/48"}
        hint={`One address or CIDR range per line, at most ${API_KEY_MAX_IPS}. Leave it empty to allow calls from anywhere.`}
        value={values.allowedIps}
        onChange={(event) => setValues({ ...values, allowedIps: event.target.value })}
        errors={errors.allowedIps}
        spellCheck={false}
      />
      <FormMessage state={form.result && !form.result.ok ? form.result : undefined} />
      <div>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Creating…" : "Create API key"}
        </Button>
      </div>
    </form>
  );
}
