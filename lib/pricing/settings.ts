import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { appSettings } from "@/lib/db/schema";
import { DEFAULT_PRICE_LIST, priceListSchema, type PriceList } from "./price-list";

const KEY = "prices";

/** The price list from the settings, or eNom's defaults until the reseller saves one. */
export async function getPriceList(): Promise<PriceList> {
  const db = await getDb();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, KEY));
  const parsed = priceListSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_PRICE_LIST;
}

/** Saves a checked price list (the caller has checked `settings.manage`). */
export async function savePriceList(list: PriceList): Promise<void> {
  const value = priceListSchema.parse(list);
  const db = await getDb();
  await db
    .insert(appSettings)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
}
