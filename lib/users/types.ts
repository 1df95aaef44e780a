/** The people feature's row types, for its screens (components/users); no server code here. */
export type { Role, UserRow } from "@/lib/db/schema";
