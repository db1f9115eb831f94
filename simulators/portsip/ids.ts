/**
 * Object ids and timestamps in PortSIP's shapes: ids are base64 of an 18-digit decimal
 * (the seed's `NzAwNTUxOTA5NzczMTQ4MTYw` is base64 of "700551909773148160"), times are RFC 3339 UTC.
 */
import { randomInt } from "node:crypto";

export class IdGenerator {
  private next: bigint;

  constructor() {
    // A random 18-digit start, so ids differ between simulator runs like they do between PBXes.
    this.next = 700_000_000_000_000_000n + BigInt(randomInt(0, 2 ** 47)) * 1000n;
  }

  newId(): string {
    this.next += BigInt(randomInt(1, 4096));
    return Buffer.from(this.next.toString(), "utf8").toString("base64");
  }
}

/** `2017-07-21T17:32:28Z`: seconds precision, like the seed. */
export function rfc3339Now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}
