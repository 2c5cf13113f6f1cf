import { IANAZone } from 'luxon';

// Zones change their offset only at UTC quarter hours (every DST rule of this century does), so an
// offset looked up once holds for its whole quarter hour.
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const MAX_CACHED = 500_000;

/**
 * An IANA zone whose offset lookups are remembered per quarter hour. Luxon asks the platform's
 * Intl for the offset of every zoned date-time it builds; classifying a month for a thousand people
 * builds hundreds of thousands of them, so the attendance rules read zones through this.
 */
class QuarterHourCachedZone extends IANAZone {
  private readonly offsets = new Map<number, number>();

  override offset(ts: number): number {
    const bucket = Math.floor(ts / QUARTER_HOUR_MS);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      if (this.offsets.size >= MAX_CACHED) this.offsets.clear();
      offset = super.offset(ts);
      this.offsets.set(bucket, offset);
    }
    return offset;
  }
}

const zones = new Map<string, IANAZone>();

/** The (cached) luxon zone for an IANA name; pass it wherever luxon takes `{ zone }`. */
export function fastZone(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new QuarterHourCachedZone(name);
    zones.set(name, zone);
  }
  return zone;
}
