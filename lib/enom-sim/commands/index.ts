import { getBalance } from "./account";
import { advancedDomainSearch } from "./advanced-domain-search";
import { getCatchAll, setCatchAll } from "./catch-all";
import type { EnomCommand } from "./context";
import { deleteAllPopPaks, deletePopPak } from "./delete-paks";
import { deletePop3 } from "./delete-pop3";
import { forwarding, getForwarding } from "./domain-forwarding";
import { getDomains } from "./get-domains";
import { getPopExpirations } from "./get-pop-expirations";
import { getPop3 } from "./get-pop3";
import { getDns, getHosts, getMailHosts, setHosts } from "./hosts";
import { modifyPop3 } from "./modify-pop3";
import { getPopForwarding, setPopForwarding } from "./pop-forwarding";
import { purchasePopBundle } from "./purchase-pop-bundle";
import { purchaseServices } from "./purchase-services";
import { renewPopBundle } from "./renew-pop-bundle";
import { setPakRenew } from "./set-pak-renew";
import { setUpPop3User } from "./setup-pop3-user";

/** Every command the simulator answers, by eNom's upper-case name. */
export const COMMANDS: ReadonlyMap<string, EnomCommand> = new Map(
  [
    purchaseServices,
    purchasePopBundle,
    getPop3,
    setPakRenew,
    setUpPop3User,
    modifyPop3,
    deletePop3,
    deletePopPak,
    deleteAllPopPaks,
    renewPopBundle,
    getPopExpirations,
    getCatchAll,
    setCatchAll,
    getPopForwarding,
    setPopForwarding,
    getDomains,
    advancedDomainSearch,
    getBalance,
    getHosts,
    setHosts,
    getMailHosts,
    getDns,
    getForwarding,
    forwarding,
  ].map((command) => [command.name, command]),
);
