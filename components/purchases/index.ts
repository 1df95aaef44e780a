/** The wizards and the result view, shared by the staff pages and the customer portal. */
export { PurchaseWizard, type PurchaseWizardProps } from "./purchase-wizard";
export { RenewWizard, type RenewWizardProps } from "./renew-wizard";
export { PurchaseResult, type PurchaseResultProps } from "./purchase-result";
