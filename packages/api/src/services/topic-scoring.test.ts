import { describe, expect, it } from "vitest";
import { profileStory } from "@dispatch/briefing";
import { prepareTopics, scoreStory, type TopicModel } from "./topic-scoring";

function topic(
  slug: string,
  stories: { title: string; body: string }[],
  rules: Partial<TopicModel> = {},
): TopicModel {
  return {
    id: slug,
    slug,
    name: slug.replace(/-/g, " "),
    aliases: [],
    includeTerms: [],
    excludeTerms: [],
    ruleSources: [],
    autoApprove: false,
    stories: stories.map(profileStory),
    ...rules,
  };
}

const bakery = [
  {
    title: "Bakers in Orlin warn of flour shortage",
    body: "Bakers in Orlin said flour deliveries had halved. Guild head Rosa Pell said bread prices would rise.",
  },
  {
    title: "Orlin bakeries cut opening hours as flour runs short",
    body: "Several Orlin bakeries will close on Mondays, guild head Rosa Pell said, as the flour shortage continues.",
  },
];
const rowing = [
  {
    title: "Orlin rowing club wins regional title",
    body: "The Orlin rowing club won the regional eights title on the river on Saturday, coach Ben Adu said.",
  },
];

describe("topic scoring", () => {
  const prepared = prepareTopics([
    topic("orlin-flour", bakery, { includeTerms: ["flour"] }),
    topic("orlin-rowing", rowing, { excludeTerms: ["bakery"] }),
  ]);
  const score = (title: string, body: string, source: string | null = null) =>
    scoreStory({ title, body, source, profile: profileStory({ title, body }) }, prepared);

  it("ranks the topic whose stories and rules the new story shares first, and says why", () => {
    const [best, other] = score(
      "Flour shortage closes two more Orlin bakeries",
      "Guild head Rosa Pell said two more bakeries would close until flour deliveries recover.",
    );
    expect(best?.slug).toBe("orlin-flour");
    expect(best?.reason).toMatch(/mentions ‘flour’/);
    expect(best?.reason).toMatch(/Rosa Pell/);
    expect(best?.reason).toMatch(/close to \d stor(y|ies) in orlin-flour/);
    expect(best?.ruleMatched).toBe(true);
    expect((best?.confidence ?? 0) > (other?.confidence ?? 1)).toBe(true);
  });

  it("lets an exclude term veto the rule and cut the confidence", () => {
    const withExcluded = score(
      "Rowing club hosts bakery fundraiser",
      "The Orlin rowing club held a bakery fundraiser for new oars, coach Ben Adu said.",
    ).find((s) => s.slug === "orlin-rowing");
    const without = score(
      "Rowing club hosts fundraiser",
      "The Orlin rowing club held a fundraiser for new oars, coach Ben Adu said.",
    ).find((s) => s.slug === "orlin-rowing");
    expect(withExcluded?.reason).toMatch(/excluded ‘bakery’/);
    expect((withExcluded?.confidence ?? 1) < (without?.confidence ?? 0)).toBe(true);
  });

  it("gives an unrelated story a low confidence everywhere", () => {
    const scores = score(
      "Comet visible over the northern hills",
      "Astronomers said the comet would be visible after midnight from dark sites.",
    );
    expect(Math.max(...scores.map((s) => s.confidence))).toBeLessThan(0.3);
  });
});
