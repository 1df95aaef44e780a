import type { Metadata } from "next";
import { ApiReference } from "@/components/api/api-reference";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { API_OPERATIONS } from "@/lib/api/registry";
import { requireStaffPage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "API reference" };

/** Every signed-in staff member may read how the API works; admins also see the settings' tabs. */
export default async function ApiReferencePage() {
  const user = await requireStaffPage();
  return (
    <>
      <PageHeader
        title="API reference"
        description="Mailpak's REST API for billing systems and scripts: the same checks, messages and audit as the panel."
      />
      {can(user, "settings.manage") ? <SettingsNav current="/settings/api" /> : null}
      <ApiReference
        document={buildOpenApiDocument(API_OPERATIONS)}
        documentHref="/api/v1/openapi.json"
        keysWhere="Settings → API keys (admins)"
      />
    </>
  );
}
