// The client's network address, for throttling sign-in. Any client can send X-Forwarded-For,
// so it is read only when DISPATCH_TRUST_PROXY says a proxy we run stands in front, and then
// only its last hop: the one that proxy appended (what a client sends comes before it).
import { isIP } from "node:net";

/** The address to count failures against, or null when no trustworthy address is known. */
export function clientAddressOf(headers: Headers | undefined, trustProxy: boolean): string | null {
  if (!trustProxy || !headers) return null;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",");
  const last = hops[hops.length - 1]?.trim() ?? "";
  return normalizeAddress(last);
}

/**
 * "::ffff:192.0.2.1" → "192.0.2.1"; an IPv6 address → its /64 network (one household or host
 * gets a whole /64, so counting single IPv6 addresses would count nothing); anything that is
 * not an address → null.
 */
export function normalizeAddress(value: string): string | null {
  const address = value.replace(/^\[|\]$/g, "").toLowerCase();
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped?.[1] && isIP(mapped[1]) === 4) return mapped[1];
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}
