import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ChosenPasswordFields, NO_PASSWORD } from "./chosen-password-fields";

vi.mock("@/lib/actions/account", () => ({ changeOwnPasswordAction: vi.fn() }));

/** Where each of these texts first appears in the markup, in that order, or a failure. */
function inOrder(html: string, ...texts: string[]): void {
  const at = texts.map((text) => html.indexOf(text));
  for (const [i, position] of at.entries()) expect(position, texts[i]).toBeGreaterThanOrEqual(0);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}

describe("choosing a new password", () => {
  it("measures its strength right under the new password, before it is confirmed", () => {
    const html = renderToStaticMarkup(
      <ChosenPasswordFields value={NO_PASSWORD} onChange={() => undefined} errors={{}} userInputs={[]} />,
    );
    inOrder(html, ">New password<", 'role="meter"', ">Confirm new password<");
  });

  it("shows each field's errors with the field", () => {
    const html = renderToStaticMarkup(
      <ChosenPasswordFields
        value={{ password: "a", confirm: "b" }}
        onChange={() => undefined}
        errors={{ password: ["Use at least 12 characters."], confirm: ["The two passwords do not match."] }}
        userInputs={[]}
      />,
    );
    inOrder(html, ">New password<", "Use at least 12 characters.", ">Confirm new password<", "do not match");
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(2);
  });

  it("on My account: the meter sits under the new password, and the form is not posted as FormData", () => {
    const html = renderToStaticMarkup(<ChangePasswordForm accountEmail="me@example.test" />);
    inOrder(html, ">Current password<", ">New password<", 'role="meter"', ">Confirm new password<");
    expect(html).toMatch(/^<form aria-label="Change your password"/);
    expect(html).not.toContain("action=");
  });
});
