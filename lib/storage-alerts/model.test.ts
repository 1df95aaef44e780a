import { describe, expect, it } from "vitest";
import { nearFullAttention } from "@/lib/dashboard/model";
import { FILTER_LABELS, NEAR_FULL_PERCENT } from "@/lib/search/model";
import { isNearlyFull, NEARLY_FULL_PERCENT } from "@/lib/validation/mailbox-rules";
import {
  addStorageHref,
  ALERT_PERCENT,
  alertStep,
  CLEAR_BELOW_PERCENT,
  fullLabel,
  type AlertStep,
  type MailboxUsage,
} from "./model";

const GB = 1024;
const used = (quotaUsedMb: number | null, quotaMb: number | null = GB): MailboxUsage => ({
  quotaUsedMb,
  quotaMb,
});

/** Feeds readings of one mailbox through the passes, as the job keeps its record: the steps taken. */
function replay(readings: readonly number[]): AlertStep[] {
  let alerted = false;
  return readings.map((mb) => {
    const step = alertStep(used(mb), alerted);
    if (step === "alert") alerted = true;
    if (step === "clear") alerted = false;
    return step;
  });
}

describe("one threshold for every nearly-full flag", () => {
  it("is 90 % in the grid, the search, the dashboard and the alerts", () => {
    expect(ALERT_PERCENT).toBe(90);
    expect(NEARLY_FULL_PERCENT).toBe(ALERT_PERCENT);
    expect(NEAR_FULL_PERCENT).toBe(ALERT_PERCENT);
    expect(FILTER_LABELS["near-full"]).toContain("90 %");
    expect(nearFullAttention(1, [])?.detail).toContain("90 %");
  });

  it("agrees with the grid's flag at every megabyte around the threshold", () => {
    for (let mb = 900; mb <= 940; mb++)
      expect(alertStep(used(mb), false) === "alert", `${mb} MB`).toBe(isNearlyFull(mb, GB));
  });
});

describe("a mailbox crossing the threshold", () => {
  it("alerts from 90 % of the quota on, not just under it", () => {
    expect(alertStep(used(921), false)).toBe("keep"); // 89.9 %
    expect(alertStep(used(922), false)).toBe("alert"); // 90.04 %
    expect(alertStep({ quotaUsedMb: 900, quotaMb: 1000 }, false)).toBe("alert"); // exactly 90 %
    expect(alertStep(used(GB), false)).toBe("alert");
    expect(alertStep(used(2 * GB), false)).toBe("alert"); // over quota
  });

  it("alerts once per crossing: a mailbox that stays full is not alerted again", () => {
    expect(replay([500, 950, 960, 1000, 1020])).toEqual(["keep", "alert", "keep", "keep", "keep"]);
  });

  it("keeps the alert while usage hovers between 85 % and 90 % (hysteresis)", () => {
    // 95 %, 87 %, 91 %, 86 %, 92 %: one alert, never cleared.
    expect(replay([973, 891, 932, 881, 942])).toEqual(["alert", "keep", "keep", "keep", "keep"]);
  });

  it("clears below 85 %, so a later crossing alerts again", () => {
    expect(CLEAR_BELOW_PERCENT).toBe(85);
    expect(alertStep({ quotaUsedMb: 850, quotaMb: 1000 }, true)).toBe("keep"); // exactly 85 %
    expect(alertStep({ quotaUsedMb: 849, quotaMb: 1000 }, true)).toBe("clear");
    expect(replay([950, 800, 950])).toEqual(["alert", "clear", "alert"]);
  });

  it("clears when storage is added (the quota grows, the usage does not)", () => {
    expect(alertStep({ quotaUsedMb: 950, quotaMb: 1536 }, true)).toBe("clear");
  });

  it("neither alerts nor clears when the usage was not reported", () => {
    for (const usage of [used(null), used(950, null), used(950, 0)]) {
      expect(alertStep(usage, false)).toBe("keep");
      expect(alertStep(usage, true)).toBe("keep");
    }
  });
});

describe("the words and links of a nearly full mailbox", () => {
  it("says how full in whole per cent, rounded down", () => {
    expect(fullLabel(used(993))).toBe("96 % full"); // 96.97 %
    expect(fullLabel({ quotaUsedMb: 900, quotaMb: 1000 })).toBe("90 % full");
    expect(fullLabel(used(922))).toBe("90 % full");
    expect(fullLabel(used(null))).toBeNull();
  });

  it("links to the pak's storage wizard under the viewer's pages", () => {
    expect(addStorageHref("", "a-b.com", 12)).toBe("/purchase?domain=a-b.com&pak=12&grow=storage");
    expect(addStorageHref("/portal", "x&y.com", 3)).toBe(
      "/portal/purchase?domain=x%26y.com&pak=3&grow=storage",
    );
  });
});
