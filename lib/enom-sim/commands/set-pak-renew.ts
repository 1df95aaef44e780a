import { value } from "../wire/reply";
import type { EnomCommand } from "./context";
import { permittedParam } from "./inputs";
import { requireDomain, requirePakParam } from "./rules";

/** SetPakRenew: auto-renew on or off for one pak (seeds/003, seeds/002 Step 2). */
export const setPakRenew: EnomCommand = {
  name: "SETPAKRENEW",
  run(context) {
    const domain = requireDomain(context);
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
      fields: [
        value("DomainRRP", "E"),
        value("PakUpdated", pak.bundleId),
        value("AutoPakRenew", setting),
        value("success", true),
      ],
    };
  },
};
