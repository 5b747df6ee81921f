import { describe, expect, it } from "vitest";
import { buildBriefing } from "../build-briefing";
import type { StoryInput } from "../types";
import { findSentenceMentions } from "./entity-mentions";

const kindOf = (text: string, name: string): string | null | undefined =>
  findSentenceMentions(text).find((m) => m.tokens.join(" ") === name)?.kind;

function listed(stories: StoryInput[]): {
  people: string[];
  organizations: string[];
  places: string[];
  aliases: Map<string, string[]>;
} {
  const b = buildBriefing(stories);
  const aliases = new Map([...b.people, ...b.organizations, ...b.places].map((e) => [e.name, e.aliases]));
  return {
    people: b.people.map((e) => e.name),
    organizations: b.organizations.map((e) => e.name),
    places: b.places.map((e) => e.name),
    aliases,
  };
}

describe("places from the gazetteer", () => {
  it("types countries, regions and cities the lexicon does not know, and names that are also first names", () => {
    const text = "Volunteers drove from Virginia to Mombasa with supplies, then on to Moldova.";
    expect(kindOf(text, "Virginia")).toBe("place");
    expect(kindOf(text, "Mombasa")).toBe("place");
    expect(kindOf(text, "Moldova")).toBe("place");
  });

  it("lets people context win over a place that is also a personal name", () => {
    expect(kindOf("Asked about the vote, Jackson said she would abstain.", "Jackson")).toBe("person");
    expect(kindOf("Mourners gathered in Jackson on Sunday.", "Jackson")).toBe("place");
  });

  it("keeps a district code with its city instead of listing it as an organisation", () => {
    const found = findSentenceMentions(
      "Reporting from Washington, DC, our correspondent said talks had stalled.",
    );
    expect(found.map((m) => [m.tokens.join(" "), m.kind])).toContainEqual(["Washington DC", "place"]);
    expect(found.some((m) => m.tokens.join(" ") === "DC")).toBe(false);
  });
});

describe("invented places and bodies, typed by context", () => {
  it("reads places from the words around a name no list has", () => {
    expect(kindOf("Ferries left the port of Orrinford at dawn.", "Orrinford")).toBe("place");
    expect(kindOf("Firefighters reached the village of Tessling by boat.", "Tessling")).toBe("place");
    expect(kindOf("Orrinford's mayor asked residents to stay indoors.", "Orrinford")).toBe("place");
    expect(kindOf("An Orrinford-based haulier lost three lorries.", "Orrinford")).toBe("place");
    expect(kindOf("Rents in Orrinford rose again.", "Orrinford")).toBe("place");
  });

  it("carries a kind read from context to sentences that say nothing about it", () => {
    const { places, people, organizations } = listed([
      {
        id: "a",
        title: "Floods",
        body: "Water reached the town of Quellby overnight. Quellby was cut off by noon, and Quellby expects more rain. The campaign group Tidewatch Kerne blamed the dredging. Tidewatch Kerne said it would sue, and Tidewatch Kerne has hired lawyers.",
      },
    ]);
    expect(places).toContain("Quellby");
    expect(organizations).toContain("Tidewatch Kerne");
    expect([...people, ...organizations]).not.toContain("Quellby");
    expect(people).not.toContain("Tidewatch Kerne");
  });

  it("reads organisations from their head word or the noun before them, not as people", () => {
    expect(kindOf("The consumer group Fairwage South said the refund was too small.", "Fairwage South")).toBe(
      "organization",
    );
    expect(
      kindOf("Fairwage South, the consumer group that brought the claim, welcomed it.", "Fairwage South"),
    ).toBe("organization");
    expect(kindOf("She told Larkfield Radio the bridge had shaken.", "Larkfield Radio")).toBe("organization");
    expect(kindOf("Fares were set by Tolbury Transit on Friday.", "Tolbury Transit")).toBe("organization");
    expect(
      kindOf("Some 300 members of the Tolbury Cleaners' Union walked out.", "Tolbury Cleaners' Union"),
    ).toBe("organization");
  });

  it("keeps a person with a comma description a person", () => {
    expect(kindOf("“We are tired,” said Ines Varro, a crane operator.", "Ines Varro")).toBe("person");
    expect(kindOf("Odile Marrant, the association's chief negotiator, said no.", "Odile Marrant")).toBe(
      "person",
    );
  });

  it("does not list a head word alone as a body", () => {
    const found = findSentenceMentions("Union members will vote on the offer on Tuesday.");
    expect(found.map((m) => m.tokens.join(" "))).not.toContain("Union");
  });
});

describe("outlets and companies", () => {
  it("types the briefed outlets as organisations wherever the text names them", () => {
    const { organizations, people } = listed([
      {
        id: "a",
        title: "Bridge",
        source: "The Morning Lantern",
        body: "Speaking to the Morning Lantern, the engineer said the bridge would reopen. Morning Lantern readers had complained for months.",
      },
    ]);
    expect(organizations).toContain("The Morning Lantern");
    expect(people).not.toContain("Morning Lantern");
  });

  it("joins a company's short name to its full name instead of listing it as a person", () => {
    const { organizations, people } = listed([
      {
        id: "a",
        title: "Leak",
        body: "Brindlecart Technologies said on Monday that customer data had leaked. Brindlecart said the server was closed within hours. Shares in Brindlecart fell 9 percent.",
      },
    ]);
    expect(organizations).toContain("Brindlecart Technologies");
    expect(organizations).not.toContain("Brindlecart");
    expect(people).not.toContain("Brindlecart");
  });
});

describe("acronyms and names", () => {
  it("keeps acronyms in capitals whatever the house style", () => {
    const { organizations } = listed([
      {
        id: "a",
        title: "Summit",
        body: "Ministers said Ukraine would not join Nato this year. The Nato summit ended early.",
      },
      { id: "b", title: "Summit", body: "Leaders met at the NATO summit in Vilnius on Tuesday." },
    ]);
    expect(organizations).toContain("NATO");
    expect(organizations).not.toContain("Nato");
  });

  it("lists no bare first name as an alias and folds a surname into the person named in full", () => {
    const { people, aliases } = listed([
      {
        id: "a",
        title: "Budget",
        body: "Mayor Helga Brandvik presented the budget on Monday. The council thanked Mayor (Helga) Brandvik for the draft. Brandvik said the tram would be finished by 2029.",
      },
    ]);
    expect(people).toEqual(["Helga Brandvik"]);
    expect(aliases.get("Helga Brandvik")).not.toContain("Helga");
  });

  it("reads councillor as a title and a short first name as the same person", () => {
    const { people } = listed([
      { id: "a", title: "Vote", body: "Councillor Desmond Achterhof voted against the plan on Monday." },
      { id: "b", title: "Vote", body: "Councillor Des Achterhof said the plan was too expensive." },
    ]);
    expect(people).toEqual(["Desmond Achterhof"]);
  });
});
