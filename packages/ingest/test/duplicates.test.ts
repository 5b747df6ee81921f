// Exact duplicates (content hash) and near duplicates (MinHash, LSH bands).

import { describe, expect, it } from "vitest";
import {
  computeContentHash,
  computeMinHash,
  estimateSimilarity,
  LSH_BANDS,
  lshBands,
  MINHASH_PERMUTATIONS,
} from "../src/index";

const ARTICLE = [
  "The Port of Valdera reopened on Monday after a week-long strike that left more than forty ships waiting offshore.",
  "Union leaders said members had voted to accept an interim deal that raises overtime rates and promises a full pay review by March.",
  "Transport Minister Elena Sarto said the agreement was a fair first step and thanked workers for returning in good faith.",
  "Port managers said it would take about ten days to clear the backlog, and that extra cranes had been hired from a nearby terminal.",
  "Shipping firms said they would divert some vessels to other ports until the queue had shortened, adding to costs for importers.",
  "Insurers raised premiums for cargo held at the port during the stoppage, according to a trade body that represents freight companies.",
].join("\n\n");

const OTHER_ARTICLE = [
  "The city council has approved a new tram line linking the centre with the airport, ending a decade of argument over the route.",
  "The line will run for eleven kilometres with nine stops, including one at the main hospital, and building starts next spring.",
  "Opponents said the cost was too high and that buses could do the same job, and residents have promised to challenge the plan in court.",
].join("\n\n");

describe("computeContentHash", () => {
  it("matches the same article re-wrapped, re-cased and re-punctuated", () => {
    const story = { title: "Valdera port reopens", body: ARTICLE };
    const reformatted = {
      title: "VALDERA PORT REOPENS!",
      body: ARTICLE.replace(/\n\n/g, "\n").replace(/,/g, " ,").replace(/\./g, "").toUpperCase(),
    };
    expect(computeContentHash(reformatted)).toBe(computeContentHash(story));
  });

  it("matches a re-headlined copy of a full article, but not of a short one", () => {
    expect(computeContentHash({ title: "Valdera strike is over", body: ARTICLE })).toBe(
      computeContentHash({ title: "Valdera port reopens", body: ARTICLE }),
    );
    expect(computeContentHash({ title: "Ferry cancelled", body: "More to follow." })).not.toBe(
      computeContentHash({ title: "Bridge closed", body: "More to follow." }),
    );
  });

  it("differs when a word of the body differs", () => {
    expect(computeContentHash({ title: "T", body: ARTICLE.replace("forty", "fifty") })).not.toBe(
      computeContentHash({ title: "T", body: ARTICLE }),
    );
  });

  it("is sha256 of the normalized text, pinned because stored hashes must never drift", () => {
    // Same value as: printf 'harbour\nboats sail at dawn' | sha256sum
    expect(computeContentHash({ title: "Harbour", body: "Boats sail at dawn." })).toBe(
      "206bd3704af0549c6de0f1538de0a6943314d117ae96ae0c6cd39b7714cf9760",
    );
  });
});

describe("MinHash and LSH", () => {
  const signature = computeMinHash(`Valdera port reopens\n${ARTICLE}`);

  it("gives 128 deterministic values that fit a PostgreSQL int4", () => {
    expect(signature).toHaveLength(MINHASH_PERMUTATIONS);
    expect(computeMinHash(`Valdera port reopens\n${ARTICLE}`)).toEqual(signature);
    for (const value of signature) {
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(-2147483648);
      expect(value).toBeLessThanOrEqual(2147483647);
    }
  });

  it("rates a lightly edited copy as near-duplicate and shares an LSH band with it", () => {
    const edited = computeMinHash(
      `Valdera port reopens after strike\n${ARTICLE.replace("about ten days", "nearly two weeks")}`,
    );
    expect(estimateSimilarity(signature, edited)).toBeGreaterThanOrEqual(0.8);
    const shared = lshBands(signature).filter((key) => lshBands(edited).includes(key));
    expect(shared.length).toBeGreaterThan(0);
  });

  it("rates unrelated articles as dissimilar, with no shared band", () => {
    const other = computeMinHash(`Tram line approved\n${OTHER_ARTICLE}`);
    expect(estimateSimilarity(signature, other)).toBeLessThan(0.1);
    expect(lshBands(signature).filter((key) => lshBands(other).includes(key))).toEqual([]);
  });

  it("rates an article against itself as 1 and tracks partial overlap", () => {
    expect(estimateSimilarity(signature, signature)).toBe(1);
    const half = ARTICLE.split("\n\n").slice(0, 3).join("\n\n");
    const partial = estimateSimilarity(computeMinHash(ARTICLE), computeMinHash(half));
    expect(partial).toBeGreaterThan(0.3);
    expect(partial).toBeLessThan(0.7);
  });

  it("is pinned: stored signatures and band keys must not change between versions", () => {
    const pinned = computeMinHash("Boats sail at dawn from the old harbour every day");
    expect(pinned.slice(0, 4)).toEqual([41141518, 437143696, 103260014, 105741260]);
    expect(lshBands(pinned)[0]).toBe("00:da7c4e526c4d41fa");
  });

  it("gives one key per band, prefixed with the band number", () => {
    const keys = lshBands(signature);
    expect(keys).toHaveLength(LSH_BANDS);
    expect(new Set(keys).size).toBe(LSH_BANDS);
    keys.forEach((key, band) =>
      expect(key).toMatch(new RegExp(`^${String(band).padStart(2, "0")}:[0-9a-f]{16}$`)),
    );
  });

  it("throws on signatures of the wrong length (a programmer error)", () => {
    expect(() => estimateSimilarity([1, 2], [1])).toThrow(RangeError);
    expect(() => lshBands([1, 2, 3])).toThrow(RangeError);
  });
});
