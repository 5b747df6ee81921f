// Disagreements and superseded facts on our own story pairs (test/fixtures/disagreement-pairs.json):
// half real (each kind), half traps (rounding, more detail, the same figure written
// differently, a weekday and a date that are the same day). Each pair is briefed on its own;
// prints precision and recall per kind, for the pairs the rules were tuned on and for a
// held-out set written afterwards, and every miss and false flag. Usage: pnpm eval:disagreements
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildBriefing, type DisagreementKind, type StoryInput } from "../src/index";

interface PairStory {
  source: string;
  publishedAt: string;
  body: string;
}
interface Pair {
  id: string;
  kind: DisagreementKind;
  expect: "disagreement" | "superseded" | "none";
  trap?: string;
  /** "held-out": written after the rules were tuned on the rest, and never tuned on. */
  set?: "held-out";
  a: PairStory;
  b: PairStory;
}

const KINDS: DisagreementKind[] = ["number", "date", "attribution", "status"];
const { pairs } = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../test/fixtures/disagreement-pairs.json"), "utf8"),
) as { pairs: Pair[] };

const toStory = (id: string, s: PairStory): StoryInput => ({
  id,
  title: s.body.split(/[.,]/)[0]?.split(/\s+/).slice(0, 8).join(" ") ?? "",
  body: s.body,
  source: s.source,
  publishedAt: s.publishedAt,
});
const ratio = (a: number, b: number): string => (b === 0 ? "  n/a" : (a / b).toFixed(3));

// The pairs the rules were written against, and those written afterwards and never tuned on.
const sets: Array<[string, Pair[]]> = [
  ["tuning set", pairs.filter((p) => p.set !== "held-out")],
  ["held-out set", pairs.filter((p) => p.set === "held-out")],
  ["all pairs", pairs],
];
for (const [name, chosen] of sets) report(name, chosen);

function report(name: string, chosen: Pair[]): void {
  const tally = new Map(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0, classRight: 0 }]));
  const notes: string[] = [];
  for (const pair of chosen) {
    const briefing = buildBriefing([toStory(`${pair.id}-a`, pair.a), toStory(`${pair.id}-b`, pair.b)]);
    const found = [
      ...briefing.disagreements.map((d) => ({ kind: d.kind, cls: "disagreement", text: d.description })),
      ...briefing.points.flatMap((p) =>
        p.supersededBy
          ? [{ kind: p.supersededBy.kind, cls: "superseded", text: p.supersededBy.description }]
          : [],
      ),
    ];
    for (const kind of KINDS) {
      const t = tally.get(kind);
      if (!t) continue;
      const hits = found.filter((f) => f.kind === kind);
      const real = pair.expect !== "none" && pair.kind === kind;
      if (real && hits.length > 0) {
        t.tp++;
        if (hits.some((h) => h.cls === pair.expect)) t.classRight++;
        else
          notes.push(
            `  wrong class  ${pair.id}: expected ${pair.expect}, found ${hits.map((h) => `${h.cls}: ${h.text}`).join(" | ")}`,
          );
      } else if (real) {
        t.fn++;
        notes.push(
          `  missed       ${pair.id} (${pair.expect})${briefing.storylines.length > 1 ? " [stories split into two storylines]" : ""}`,
        );
      } else if (hits.length > 0) {
        t.fp++;
        notes.push(
          `  false flag   ${pair.id}${pair.trap ? ` (trap: ${pair.trap})` : ""}: ${hits.map((h) => `${h.cls}: ${h.text}`).join(" | ")}`,
        );
      }
    }
  }
  const real = chosen.filter((p) => p.expect !== "none").length;
  console.log(
    `\n${name}: ${chosen.length} pairs, ${real} with a real difference, ${chosen.length - real} traps`,
  );
  console.log("kind          precision  recall   found/real  right class");
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [kind, t] of tally) {
    tp += t.tp;
    fp += t.fp;
    fn += t.fn;
    console.log(
      `${kind.padEnd(13)} ${ratio(t.tp, t.tp + t.fp).padStart(9)}  ${ratio(t.tp, t.tp + t.fn).padStart(6)}   ${`${t.tp}/${t.tp + t.fn}`.padStart(10)}  ${String(t.classRight).padStart(11)}`,
    );
  }
  console.log(
    `${"overall".padEnd(13)} ${ratio(tp, tp + fp).padStart(9)}  ${ratio(tp, tp + fn).padStart(6)}   ${`${tp}/${tp + fn}`.padStart(10)}`,
  );
  if (notes.length > 0) console.log(notes.join("\n"));
}
