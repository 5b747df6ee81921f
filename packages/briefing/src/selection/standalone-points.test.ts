import { describe, expect, it } from "vitest";
import { buildBriefing } from "../build-briefing";
import type { EntityIndex, ResolvedMention } from "../entities/entity-registry";
import { checkBriefing } from "../output/checks";
import { type PreparedStory, prepareStories } from "../text/prepared-stories";
import type { Entity, Point, StoryInput } from "../types";
import { shapeStandalone } from "./standalone-points";
import { leansOnContext } from "./standalone";

function prepare(body: string): PreparedStory {
  const [story] = prepareStories(
    [{ id: "s1", title: "", body }],
    { maxCharsPerStory: 60_000, referenceDate: null },
    [],
  );
  if (!story) throw new Error("no story");
  return story;
}

// The people of a story as the entity stage would give them: every place a surface form appears.
function indexPeople(
  story: PreparedStory,
  people: Array<{ name: string; forms: string[]; roles?: string[] }>,
): EntityIndex {
  const entities: Entity[] = [];
  const bySentence = new Map<string, ResolvedMention[]>();
  for (const p of people) {
    const id = `person:${p.name.toLowerCase().replace(/\s+/g, "-")}`;
    entities.push({
      id,
      kind: "person",
      name: p.name,
      aliases: [],
      roles: p.roles ?? [],
      mentions: 1,
      stories: [{ storyId: story.id, count: 1 }],
      storyIds: [story.id],
    });
    for (const form of p.forms) {
      for (let at = story.body.indexOf(form); at >= 0; at = story.body.indexOf(form, at + form.length)) {
        const sentence = story.sentences.find((s) => s.start <= at && at < s.end);
        if (!sentence) continue;
        const key = `${story.id}#${sentence.index}`;
        bySentence.set(key, [
          ...(bySentence.get(key) ?? []),
          { entityId: id, kind: "person", start: at, end: at + form.length },
        ]);
      }
    }
  }
  return { entities, bySentence, byId: new Map(entities.map((e) => [e.id, e])) };
}

const shape = (story: PreparedStory, index: number, entities: EntityIndex | null) => {
  const sentence = story.sentences[index];
  if (!sentence) throw new Error(`no sentence ${index}`);
  return shapeStandalone(story, sentence, entities, () => true);
};

describe("shapeStandalone", () => {
  it("drops a leading connective and moves the cited start with it", () => {
    const story = prepare(
      "The port reopened on Monday. Separately, the harbour authority fined the operator of the Alder Queen 40,000 euros.",
    );
    const shaped = shape(story, 1, null);
    expect(shaped?.text).toBe("The harbour authority fined the operator of the Alder Queen 40,000 euros.");
    const span = shaped?.spans[0];
    expect(span && story.body.slice(span.start, span.end)).toBe(
      "the harbour authority fined the operator of the Alder Queen 40,000 euros.",
    );
  });

  it("puts the person a pronoun stands for in brackets, keeping the source span", () => {
    const story = prepare(
      "Union chair Marta Lind told members on Tuesday that the offer was final. She said the strike would end at midnight.",
    );
    const shaped = shape(story, 1, indexPeople(story, [{ name: "Marta Lind", forms: ["Marta Lind"] }]));
    expect(shaped?.text).toBe("[Marta Lind] said the strike would end at midnight.");
    expect(shaped?.context).toBe("resolved");
    const span = shaped?.spans[0];
    expect(span && story.body.slice(span.start, span.end)).toBe("She said the strike would end at midnight.");
  });

  it("resolves the speaker of a quote that opens the sentence", () => {
    const story = prepare(
      "Harbour master Olav Dahl inspected the quay on Friday. “We will not reopen until the booms are in place,” he said.",
    );
    const shaped = shape(story, 1, indexPeople(story, [{ name: "Olav Dahl", forms: ["Olav Dahl"] }]));
    expect(shaped?.text).toBe("“We will not reopen until the booms are in place,” [Olav Dahl] said.");
  });

  it("takes the one person of the pronoun's gender when the sentence before names two", () => {
    const story = prepare(
      "Ada Varga, who took over from Peter Holm in March, has promised a full review. She met the families on Sunday.",
    );
    const shaped = shape(
      story,
      1,
      indexPeople(story, [
        { name: "Ada Varga", forms: ["Ada Varga"] },
        { name: "Peter Holm", forms: ["Peter Holm"] },
      ]),
    );
    expect(shaped?.text).toBe("[Ada Varga] met the families on Sunday.");
  });

  it("does not guess when two people of the same gender could be meant", () => {
    const story = prepare(
      "After a long meeting on Friday, the union said Tomas Berg and Jonas Reite had both signed the letter. He said the vote would be held next week, a spokesman added, without giving a date.",
    );
    const shaped = shape(
      story,
      1,
      indexPeople(story, [
        { name: "Tomas Berg", forms: ["Tomas Berg"] },
        { name: "Jonas Reite", forms: ["Jonas Reite"] },
      ]),
    );
    expect(shaped?.text ?? "").not.toMatch(/^\[/);
  });

  it("does not take the subject when another man in the sentence could be meant", () => {
    const story = prepare(
      "Judge Tomas Berg threw out the conviction after prosecutors found that Jonas Reite had been wrongly found guilty. He was freed shortly after the hearing.",
    );
    const shaped = shape(
      story,
      1,
      indexPeople(story, [
        { name: "Tomas Berg", forms: ["Tomas Berg"] },
        { name: "Jonas Reite", forms: ["Jonas Reite"] },
      ]),
    );
    expect(shaped?.text ?? "").not.toMatch(/\[/);
  });

  it("reads a gender from an honorific before the name", () => {
    const story = prepare(
      "Detective Alex Bird said Mrs Kim Wilson had fallen about 20 metres. He said the path had been icy for days.",
    );
    const shaped = shape(
      story,
      1,
      indexPeople(story, [
        { name: "Alex Bird", forms: ["Alex Bird"] },
        { name: "Kim Wilson", forms: ["Kim Wilson"] },
      ]),
    );
    expect(shaped?.text).toBe("[Alex Bird] said the path had been icy for days.");
  });

  it("shows a long name as the story writes it", () => {
    const story = prepare(
      "Clarissa Theresa Philomena Dickson Wright, the cook, wrote six books. Dickson Wright grew up in London. She had been ill for months.",
    );
    const people = indexPeople(story, [
      {
        name: "Clarissa Theresa Philomena Dickson Wright",
        forms: ["Clarissa Theresa Philomena Dickson Wright", "Dickson Wright"],
      },
    ]);
    const person = people.entities[0];
    if (person) person.aliases = ["Dickson Wright"];
    expect(shape(story, 2, people)?.text).toBe("[Dickson Wright] had been ill for months.");
  });

  it("does not give a woman's pronoun a man's name", () => {
    const story = prepare(
      "Tomas Berg chaired the hearing on Monday. She said the report would be published in May.",
    );
    const shaped = shape(story, 1, indexPeople(story, [{ name: "Tomas Berg", forms: ["Tomas Berg"] }]));
    expect(shaped?.text ?? "").not.toContain("[Tomas Berg]");
  });

  it("joins a short sentence before when the reference cannot be resolved", () => {
    const story = prepare(
      "Tallypod customers have sued Corvane over the data breach. The claim was filed at Saltmere District Court on Wednesday on behalf of 11,240 people.",
    );
    const shaped = shape(story, 1, null);
    expect(shaped?.context).toBe("joined");
    expect(shaped?.text).toBe(
      "Tallypod customers have sued Corvane over the data breach. The claim was filed at Saltmere District Court on Wednesday on behalf of 11,240 people.",
    );
    expect(shaped?.spans.map((s) => s.sentence.index)).toEqual([0, 1]);
  });

  it("passes over a sentence that leans on one it cannot join (too long, or already shown)", () => {
    const long = prepare(
      "On Tuesday the regional council, after a debate that ran for more than three hours and drew a full public gallery of residents from the flooded villages, approved a recovery fund of 45 million euros for the valley. The vote, 41 to 6, was greeted with applause.",
    );
    expect(shape(long, 1, null)).toBeNull();
    const short = prepare(
      "Tallypod customers have sued Corvane. The claim was filed on Wednesday on behalf of 11,240 people.",
    );
    const sentence = short.sentences[1];
    expect(sentence && shapeStandalone(short, sentence, null, (index) => index !== 0)).toBeNull();
  });

  it("leaves a sentence that stands alone as it is", () => {
    const story = prepare("The United Nations said aid convoys would resume on Monday.");
    expect(shape(story, 0, null)).toEqual({
      text: "The United Nations said aid convoys would resume on Monday.",
      spans: [expect.objectContaining({ start: 0 })],
      context: null,
    });
  });
});

describe("briefings whose points stand alone", () => {
  // Two outlets on one event; their strongest sentences lean on what came before them.
  const stories: StoryInput[] = [
    {
      id: "ferry-1",
      title: "Ferry Alder Queen returns to service after harbour collision",
      source: "Coastline Radio",
      publishedAt: "2026-11-03",
      body: [
        "Harbour master Olav Dahl said the ferry Alder Queen would return to service on Thursday after repairs to its hull.",
        "He said the ferry had passed its final inspection in the Saltmere dry dock.",
        "Separately, the ferry's operator Hesk Line said it would add two evening sailings to clear the backlog of passengers.",
        "The move follows a week in which islanders on Hesk relied on a single chartered boat.",
      ].join(" "),
    },
    {
      id: "ferry-2",
      title: "Alder Queen back on Hesk route from Thursday",
      source: "Saltmere Post",
      publishedAt: "2026-11-03",
      body: [
        "The ferry Alder Queen will return to service on Thursday after repairs to its hull, harbour master Olav Dahl said.",
        "However, the Hesk Line said it would add two evening sailings to clear the backlog of passengers.",
        "It also said fares would be frozen until the end of the year.",
      ].join(" "),
    },
  ];

  it("shows no point or overview sentence that leans on context, and says so in its checks", () => {
    const briefing = buildBriefing(stories);
    const shown = [...briefing.points.map((p) => p.text), briefing.overview[0]?.text ?? ""];
    for (const text of shown) expect(leansOnContext(text), text).toBe(false);
    expect(shown.some((t) => /^(?:Separately|However|He|It)\b/.test(t))).toBe(false);
    expect(briefing.checks.counts.leaningPoints).toBe(0);
    expect(briefing.checks.ok).toBe(true);
  });

  it("cites exactly the source text each point shows, apart from our brackets", () => {
    const briefing = buildBriefing(stories);
    const bodies = new Map(stories.map((s) => [s.id, s.body]));
    for (const p of briefing.points) {
      const own = p.citations.filter((c) => p.id.startsWith(`point-${c.storyId}-`));
      const cited = own.map((c) => bodies.get(c.storyId)?.slice(c.start, c.end)).join(" ");
      const unbracketed = p.text.replace(/\[[^\]]+\]/g, "");
      for (const piece of unbracketed.split(/\s{2,}/))
        expect(cited.toLowerCase()).toContain(piece.slice(0, 40).toLowerCase().trim());
    }
    expect(briefing.checks.results.find((r) => r.name === "points show their cited text")?.ok).toBe(true);
  });
});

describe("a sentence that leans on a chosen point", () => {
  it("goes on with that point instead of being shown alone", () => {
    const briefing = buildBriefing([
      {
        id: "hesk-1",
        title: "Hesk Line adds evening sailings after collision",
        source: "Saltmere Post",
        body: [
          "The Hesk Line will add two evening sailings from Monday to clear the backlog of passengers stranded since the collision in the Tollen Channel.",
          "It also said fares would be frozen until the end of the year, a spokesperson for the operator confirmed on Friday.",
          "Islanders on Hesk have relied on a single chartered boat for a week, and the island's school has moved its exams to the mainland.",
        ].join(" "),
      },
    ]);
    const fares = briefing.points.filter((p) => p.text.includes("fares would be frozen"));
    expect(fares).toHaveLength(1);
    expect(fares[0]?.text).toMatch(
      /^The Hesk Line will add two evening sailings.* It also said fares would be frozen/,
    );
    expect(fares[0]?.citations.map((c) => c.sentenceIndex)).toEqual([0, 1]);
    expect(fares[0]?.context).toBe("joined");
    expect(briefing.checks.ok).toBe(true);
  });
});

describe("checks on points", () => {
  const story = { id: "s1", body: "The strike ended on Monday. He said the union had won." };
  const point = (text: string, start: number): Point => ({
    id: "point-s1-1",
    text,
    mode: "extractive",
    storylineId: "sl",
    score: 1,
    citations: [{ storyId: "s1", sentenceIndex: 1, start, end: story.body.length }],
    sourceCount: 1,
    singleSource: true,
    asOf: null,
    supersededBy: null,
  });
  const check = (p: Point) =>
    checkBriefing(
      {
        headline: "",
        headlineStoryId: null,
        overview: [],
        storylines: [],
        points: [p],
        people: [],
        organizations: [],
        places: [],
        timeline: [],
        quotes: [],
        sources: [{ name: "x", stories: 1, storyIds: ["s1"] }],
        disagreements: [],
      },
      new Map([["s1", story]]),
      2,
    );
  const result = (p: Point, name: string) => check(p).results.find((r) => r.name === name)?.ok;

  it("counts a point that leans on context", () => {
    const leaning = point("He said the union had won.", 28);
    expect(check(leaning).counts.leaningPoints).toBe(1);
    expect(result(leaning, "points stand alone")).toBe(false);
    expect(result(point("[Ada Krol] said the union had won.", 28), "points stand alone")).toBe(true);
  });

  it("accepts our bracketed name and nothing else that differs from the cited text", () => {
    expect(result(point("[Ada Krol] said the union had won.", 28), "points show their cited text")).toBe(
      true,
    );
    expect(result(point("[Ada Krol] said the union had lost.", 28), "points show their cited text")).toBe(
      false,
    );
    expect(result(point("Ada Krol said the union had won.", 28), "points show their cited text")).toBe(false);
  });
});
