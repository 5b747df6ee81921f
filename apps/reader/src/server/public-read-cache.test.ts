import { describe, expect, it } from "vitest";
import { PublicReadCache } from "./public-read-cache";

/** A loader that counts its calls and returns a new value each time. */
function counter(label: string) {
  let calls = 0;
  const load = async () => `${label} #${++calls}`;
  return { load, calls: () => calls };
}

function listeningCache(maxEntries?: number) {
  const cache = new PublicReadCache(maxEntries);
  cache.startListening();
  return cache;
}

describe("PublicReadCache", () => {
  it("reads once and serves the same value until a change", async () => {
    const cache = listeningCache();
    const topic = counter("harbour");
    expect(await cache.read("topic:harbour", ["topic:harbour"], topic.load)).toBe("harbour #1");
    expect(await cache.read("topic:harbour", ["topic:harbour"], topic.load)).toBe("harbour #1");
    expect(topic.calls()).toBe(1);
  });

  it("shares one load between requests that ask at the same time", async () => {
    const cache = listeningCache();
    const topic = counter("harbour");
    const values = await Promise.all(
      Array.from({ length: 20 }, () => cache.read("topic:harbour", ["topic:harbour"], topic.load)),
    );
    expect(new Set(values)).toEqual(new Set(["harbour #1"]));
    expect(topic.calls()).toBe(1);
  });

  it("a topic's new briefing drops that topic's reads and the lists of briefings, nothing else", async () => {
    const cache = listeningCache();
    const harbour = counter("harbour");
    const bridge = counter("bridge");
    const home = counter("home");
    const read = () =>
      Promise.all([
        cache.read("topic:harbour", ["topic:harbour"], harbour.load),
        cache.read("topic:bridge", ["topic:bridge"], bridge.load),
        cache.read("home", ["briefings"], home.load),
      ]);
    await read();
    cache.apply({ kind: "topic", slug: "harbour" });
    expect(await read()).toEqual(["harbour #2", "bridge #1", "home #2"]);
  });

  it("a change to everything drops every read", async () => {
    const cache = listeningCache();
    const story = counter("story");
    const feed = counter("feed");
    await cache.read("story:quay", [], story.load);
    await cache.read("feed", [], feed.load);
    cache.apply({ kind: "all" });
    expect(await cache.read("story:quay", [], story.load)).toBe("story #2");
    expect(await cache.read("feed", [], feed.load)).toBe("feed #2");
  });

  it("a read begun before a change is not served to requests after it", async () => {
    const cache = listeningCache();
    let release: (value: string) => void = () => undefined;
    const before = cache.read("story:quay", [], () => new Promise<string>((resolve) => (release = resolve)));
    cache.apply({ kind: "all" });
    const after = cache.read("story:quay", [], async () => "after the change");
    release("before the change");
    expect(await before).toBe("before the change");
    expect(await after).toBe("after the change");
    expect(await cache.read("story:quay", [], async () => "third")).toBe("after the change");
  });

  it("reads from the database every time while changes cannot be heard", async () => {
    const cache = new PublicReadCache();
    const topic = counter("harbour");
    await cache.read("topic:harbour", [], topic.load);
    await cache.read("topic:harbour", [], topic.load);
    expect(topic.calls()).toBe(2);
    cache.startListening();
    await cache.read("topic:harbour", [], topic.load);
    cache.stopListening();
    expect(await cache.read("topic:harbour", [], topic.load)).toBe("harbour #4");
    expect(cache.size).toBe(0);
  });

  it("does not keep a failed read", async () => {
    const cache = listeningCache();
    await expect(cache.read("topic:harbour", [], () => Promise.reject(new Error("db down")))).rejects.toThrow(
      "db down",
    );
    expect(await cache.read("topic:harbour", [], async () => "recovered")).toBe("recovered");
  });

  it("keeps at most its bound, dropping the least recently used", async () => {
    const cache = listeningCache(2);
    const a = counter("a");
    const b = counter("b");
    const c = counter("c");
    await cache.read("a", [], a.load);
    await cache.read("b", [], b.load);
    await cache.read("a", [], a.load); // a is now the most recently used
    await cache.read("c", [], c.load); // b goes
    expect(cache.size).toBe(2);
    expect(await cache.read("a", [], a.load)).toBe("a #1");
    expect(await cache.read("b", [], b.load)).toBe("b #2");
  });
});
