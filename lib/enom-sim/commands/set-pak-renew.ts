import { value } from "../wire/reply";
import type { EnomCommand } from "./context";
import { permittedParam } from "./inputs";
import { requireDomainOrId, requirePakParam } from "./rules";

/**
 * SetPakRenew (seeds/003, its page, seeds/002 Step 2): auto-renew on or off for one pak, the
 * domain named by SLD and TLD or — as the page's own example does — by DomainNameID. Reply as
 * seeds/002 shows it: `PakUpdated`, `AutoPakRenew`, `success`.
 */
export const setPakRenew: EnomCommand = {
  name: "SETPAKRENEW",
  run(context) {
    const domain = requireDomainOrId(context);
    const pak = requirePakParam(context, domain, "BundleID");
    const setting = permittedParam(context.params, "AutoPakRenew", ["1", "0"] as const, { maxSize: 1 });
    const autoRenew = setting === "1";
    const changed = pak.autoRenew !== autoRenew;
    if (changed) {
      pak.autoRenew = autoRenew;
      context.world.touch(domain);
    }
    return {
      changed,
      fields: [value("PakUpdated", pak.bundleId), value("AutoPakRenew", setting), value("success", true)],
    };
  },
};
