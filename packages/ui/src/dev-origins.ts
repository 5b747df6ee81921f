// Which hosts may load a dev server's scripts: Next blocks cross-origin requests for its dev
// resources unless the host is listed, so an app opened at 127.0.0.1 or at the network address
// `next dev` prints would render but never hydrate. Listed: this machine's own addresses only.
import { hostname, networkInterfaces } from "node:os";

/** Every address of this machine (as a browser writes it in a URL's host), plus its name. */
export function getDevOrigins(interfaces = networkInterfaces(), machineName = hostname()): string[] {
  const hosts = new Set(["localhost", "127.0.0.1", "[::1]", machineName.toLowerCase()]);
  for (const addresses of Object.values(interfaces)) {
    for (const address of addresses ?? []) {
      hosts.add(
        address.family === "IPv6" ? `[${address.address.split("%")[0]?.toLowerCase()}]` : address.address,
      );
    }
  }
  return [...hosts];
}
