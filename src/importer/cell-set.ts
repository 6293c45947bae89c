/**
 * The cells (region × indicator × period × source) an import has given so far, one bit each:
 * a bitmap per source and indicator, regions × periods, grown as new regions appear. It tells
 * exactly whether the file repeats a cell, so the store's search for duplicates (a sort of the
 * whole release) only runs when there is one to name. Past `maxBytes` (a file with thousands of
 * sources) it gives up and says it cannot tell.
 */
export class CellSet {
  private readonly periods: number
  private readonly regions = new Map<string, number>()
  private readonly indicators = new Map<string, number>()
  private readonly sources = new Map<string, number>()
  private readonly maps = new Map<number, Uint8Array>()
  private bytes = 0
  /** a cell was given twice */
  repeated = false
  /** too many bits to keep: whether a cell repeats is unknown */
  gaveUp = false

  constructor(
    private readonly periodRange: readonly [number, number],
    private readonly maxBytes = 256 * 2 ** 20,
  ) {
    this.periods = periodRange[1] - periodRange[0] + 1
  }

  /** the store must look for duplicates */
  get unsure(): boolean {
    return this.repeated || this.gaveUp
  }

  regionId(code: string): number {
    return idOf(this.regions, code)
  }

  indicatorId(key: string): number {
    return idOf(this.indicators, key)
  }

  sourceId(source: string): number {
    return idOf(this.sources, source)
  }

  add(region: string, indicator: string, period: number, source: string) {
    if (this.gaveUp) return
    this.addIds(this.regionId(region), this.indicatorId(indicator), period, this.sourceId(source))
  }

  addIds(region: number, indicator: number, period: number, source: number) {
    if (this.gaveUp) return
    const p = period - this.periodRange[0]
    if (p < 0 || p >= this.periods || indicator >= 1 << 20) return this.giveUp()
    const key = source * (1 << 20) + indicator
    const bit = region * this.periods + p
    let map = this.maps.get(key)
    if (map === undefined || bit >> 3 >= map.length) {
      const size = Math.max(1024, ((bit >> 3) + 1) * 2, map ? map.length * 2 : 0)
      this.bytes += size - (map?.length ?? 0)
      if (this.bytes > this.maxBytes) return this.giveUp()
      const grown = new Uint8Array(size)
      if (map) grown.set(map)
      this.maps.set(key, grown)
      map = grown
    }
    const mask = 1 << (bit & 7)
    const byte = map[bit >> 3]!
    if (byte & mask) this.repeated = true
    else map[bit >> 3] = byte | mask
  }

  private giveUp() {
    this.gaveUp = true
    this.maps.clear()
  }
}

function idOf(ids: Map<string, number>, name: string): number {
  const id = ids.get(name)
  if (id !== undefined) return id
  ids.set(name, ids.size)
  return ids.size - 1
}
