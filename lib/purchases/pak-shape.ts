import { CAPACITIES_GB, STORAGE_UNIT_MB, type CapacityGb } from "@/lib/validation/enom-rules";

/**
 * What a pak is made of, from eNom's `Quota` (MB): the capacity it was sold with plus 512 MB per
 * unit of extra storage. eNom does not report the two apart and one quota can be read two ways
 * (3072 MB: 3 GB, or 1 GB and four units), so what Mailpak itself recorded wins; otherwise the
 * largest capacity that fits (the fewest storage units) is the reading.
 */
export interface PakShape {
  capacityGb: CapacityGb;
  storageUnits: number;
}

export function shapeOfQuota(
  quotaMb: number | null,
  known: { capacityGb?: CapacityGb | null; storageUnits?: number | null } = {},
): PakShape | null {
  if (quotaMb === null) return null;
  const fits = (capacityGb: number) =>
    capacityGb * 1024 <= quotaMb && (quotaMb - capacityGb * 1024) % STORAGE_UNIT_MB === 0;
  const shape = (capacityGb: CapacityGb): PakShape => ({
    capacityGb,
    storageUnits: (quotaMb - capacityGb * 1024) / STORAGE_UNIT_MB,
  });
  if (known.capacityGb && fits(known.capacityGb)) return shape(known.capacityGb);
  if (known.storageUnits !== undefined && known.storageUnits !== null) {
    const capacity = (quotaMb - known.storageUnits * STORAGE_UNIT_MB) / 1024;
    const match = CAPACITIES_GB.find((gb) => gb === capacity);
    if (match) return shape(match);
  }
  const largest = [...CAPACITIES_GB].reverse().find(fits);
  return largest ? shape(largest) : null;
}
