import type { NetworkInterfaceInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { getDevOrigins } from "./dev-origins";

const nic = (address: string, family: "IPv4" | "IPv6", internal = false) =>
  ({
    address,
    family,
    internal,
    netmask: "",
    mac: "",
    cidr: null,
    ...(family === "IPv6" ? { scopeid: 0 } : {}),
  }) as NetworkInterfaceInfo;

describe("getDevOrigins", () => {
  const interfaces = {
    lo: [nic("127.0.0.1", "IPv4", true), nic("::1", "IPv6", true)],
    eth0: [nic("10.1.2.3", "IPv4"), nic("FE80::1%eth0", "IPv6")],
  };

  it("lists the addresses `next dev` prints, as a browser's Origin names them", () => {
    const origins = getDevOrigins(interfaces, "Newsroom-Laptop");
    expect(origins).toEqual(
      expect.arrayContaining(["127.0.0.1", "10.1.2.3", "[::1]", "[fe80::1]", "newsroom-laptop", "localhost"]),
    );
  });

  it("lists nothing but this machine's own names", () => {
    expect(getDevOrigins(interfaces, "box").some((host) => host.includes("*"))).toBe(false);
    expect(getDevOrigins({}, "box").sort()).toEqual(["127.0.0.1", "[::1]", "box", "localhost"]);
  });
});
