"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ChoiceGroup } from "@/components/purchases/choice-group";
import { useFormAction } from "@/components/users/form-state";
import { InviteeFields, SendInvitation } from "@/components/users/invitee-fields";
import { inviteCustomerLoginAction } from "@/lib/actions/team";
import { CUSTOMER_INVITE_EXPLAINED, inviteCustomerLoginSchema } from "@/lib/team/customer-invite-model";
import { CreateCustomerLoginForm } from "./create-customer-login-form";

type Way = "invite" | "password";

/**
 * "Add a login" on the staff customer page: a temporary password as before, or an invitation by
 * email, where the customer's person chooses their own password from the emailed link and no
 * password passes through staff.
 */
export function AddCustomerLogin({ customerId, customerName }: { customerId: string; customerName: string }) {
  const [way, setWay] = useState<Way>("password");
  return (
    <div className="flex flex-col gap-4">
      <ChoiceGroup<Way>
        legend="How do they get their password?"
        name="login-way"
        value={way}
        onChange={setWay}
        choices={[
          {
            value: "password",
            label: "Give a temporary password",
            detail: "Shown to you once; you pass it on to them.",
          },
          { value: "invite", label: "Invite by email", detail: "They choose it from an emailed link." },
        ]}
      />
      {way === "invite" ? (
        <InviteFirstLoginForm customerId={customerId} customerName={customerName} />
      ) : (
        <CreateCustomerLoginForm customerId={customerId} customerName={customerName} />
      )}
    </div>
  );
}

const NO_INVITATION = { email: "", name: "" };

/** Emails the customer's person a link to join; the page's pending invitations list it at once. */
export function InviteFirstLoginForm({
  customerId,
  customerName,
}: {
  customerId: string;
  customerName: string;
}) {
  const router = useRouter();
  const [invitation, setInvitation] = useState(NO_INVITATION);
  // Once sent, the form is empty for the next one, and the page lists the invitation as pending.
  const invite = useFormAction(inviteCustomerLoginSchema, inviteCustomerLoginAction, {
    onSuccess: () => {
      setInvitation(NO_INVITATION);
      router.refresh();
    },
  });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void invite.run({ ...invitation, customerId });
      }}
      aria-label={`Invite a login for ${customerName} by email`}
      noValidate
      className="flex flex-col gap-4"
    >
      <p className="text-sm text-muted">{CUSTOMER_INVITE_EXPLAINED}</p>
      <InviteeFields value={invitation} onChange={setInvitation} errors={invite.fieldErrors} />
      <SendInvitation pending={invite.pending} result={invite.result} />
    </form>
  );
}
