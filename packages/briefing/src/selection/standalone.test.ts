import { describe, expect, it } from "vitest";
import { isFaithfulExcerpt, leansOnContext, readContext, trimConnective } from "./standalone";

const kinds = (text: string): string[] => readContext(text).needs.map((n) => n.kind);
const shownAfterTrim = (text: string): string => trimConnective(text, readContext(text).trim);

describe("readContext: leading connectives", () => {
  it.each([
    [
      "Separately, the harbour authority reopened the north quay on Friday.",
      "The harbour authority reopened the north quay on Friday.",
    ],
    [
      "However, the ferry operator said its timetable would not change.",
      "The ferry operator said its timetable would not change.",
    ],
    ["But the union rejected the offer within an hour.", "The union rejected the offer within an hour."],
    [
      "And the council voted against the budget by nine votes to four.",
      "The council voted against the budget by nine votes to four.",
    ],
    [
      "Meanwhile, rescue crews reached the last cut-off farms in the valley.",
      "Rescue crews reached the last cut-off farms in the valley.",
    ],
    [
      "In addition, the board will publish its inspection records online.",
      "The board will publish its inspection records online.",
    ],
    [
      "Still, mill owners along the river expect a slow recovery.",
      "Mill owners along the river expect a slow recovery.",
    ],
    [
      "Instead, the ministry sent two engineers to inspect the dam.",
      "The ministry sent two engineers to inspect the dam.",
    ],
    [
      "Also on Tuesday, the regulator fined the operator 40,000 euros.",
      "On Tuesday, the regulator fined the operator 40,000 euros.",
    ],
    [
      "But, meanwhile, ticket prices rose by a fifth across the network.",
      "Ticket prices rose by a fifth across the network.",
    ],
    [
      "So the council asked the mayor to find the money elsewhere.",
      "The council asked the mayor to find the money elsewhere.",
    ],
  ])("drops the connective of %j", (source, shown) => {
    expect(shownAfterTrim(source)).toBe(shown);
    expect(readContext(source).needs).toEqual([]);
  });

  it.each([
    "So far, 41 people have been rescued by boat.",
    "Instead of a fare rise, the council chose to cut evening services.",
    "In addition to the grants, farmers can claim low-interest loans.",
    "Then-minister Ada Krol opened the bridge in 2009.",
    "So-called smart meters were fitted in 3,000 homes last year.",
    "So many people came that an overflow room was opened.",
  ])("keeps an opener that only looks like a connective: %j", (text) => {
    expect(readContext(text).trim).toBe(0);
  });
});

describe("readContext: sentences that need an antecedent", () => {
  it.each([
    ["He said the strike would continue until the offer improved.", "pronoun"],
    ["She was expected to resign before the vote on Thursday.", "pronoun"],
    ["They walked out when the morning shift began at six.", "pronoun"],
    ["It was the first strike at the port in twenty years.", "pronoun"],
    ["His spokesman declined to comment on the talks.", "possessive"],
    ["This is the third breach at the company since 2021.", "reference"],
    ["These measures will cost the city 12 million euros.", "reference"],
    ["The meeting was held behind closed doors at the town hall.", "reference"],
    ["The claim was filed at the district court on Wednesday.", "reference"],
    ["The deal, struck after midnight, raises pay by 6% over two years.", "reference"],
    ["The plan’s critics say it leaves the eastern suburbs without a stop.", "reference"],
    ["The move follows weeks of protests outside the ministry.", "reference"],
    ["The two men met in Geneva for three hours.", "reference"],
    ["The video meeting ended without a statement.", "reference"],
    ["In the video meeting, co-chaired by two ministers, the leaders agreed on a task force.", "reference"],
    ["During the call – which lasted an hour – the leaders agreed to meet again.", "reference"],
    ["Taking to his Truth Social platform later on, he said the envoy would travel to Oslo.", "pronoun"],
    ["Speaking in Kellsford, she said the fund would open in November.", "pronoun"],
    ["The mayor also announced a review of the tram budget.", "also"],
    ["Ferry workers joined the strike, too.", "also"],
    ["Building on that sense of relief, the mayor promised a faster rebuild.", "reference"],
    ["The highest level on record there is 6.1 metres.", "reference"],
    ["Later that day, the water board published the inspection report.", "time"],
    ["The plan has since been changed to include a second depot.", "time"],
    ["A day earlier, the minister said the dam was safe.", "time"],
    ["“We will not accept a pay freeze,” he said.", "pronoun"],
    ["“That was a proposal, not a plan.”", "quote"],
  ])("%j leans on context (%s)", (text, kind) => {
    expect(kinds(text)).toContain(kind);
    expect(leansOnContext(text)).toBe(true);
  });

  it("reports where the pronoun is, so it can be replaced", () => {
    const text = "Taking to his Truth Social platform later on, he said the envoy would travel to Oslo.";
    const pronoun = readContext(text).needs.find((n) => n.kind === "pronoun");
    expect(pronoun && text.slice(pronoun.start, pronoun.end)).toBe("he");
    const quoted = "“We will not accept a pay freeze,” she said.";
    const speaker = readContext(quoted).needs.find((n) => n.kind === "pronoun");
    expect(speaker && quoted.slice(speaker.start, speaker.end)).toBe("she");
  });

  it("counts a name in the opening phrase as the pronoun's antecedent when told where names are", () => {
    const text = "After Ada Krol left the chamber, she said the vote was a disgrace.";
    expect(kinds(text)).not.toContain("pronoun");
    const place = "Speaking in Kellsford, she said the fund would open in November.";
    expect(readContext(place, { personSpans: [] }).needs.map((n) => n.kind)).toContain("pronoun");
  });
});

describe("readContext: sentences that stand alone", () => {
  it.each([
    "The United Nations said aid convoys would resume on Monday.",
    "The 40-year-old driver was taken to hospital with minor injuries.",
    "The meeting between the union and the port employers lasted nine hours.",
    "The plan to close three branch lines was dropped in March.",
    "It is raining across most of the valley, forecasters said.",
    "It is unclear whether the ferry will sail on Sunday.",
    "It's not yet known how many homes lost power.",
    "This week, the council will vote on the revised tram budget.",
    "Both Norway and Sweden sent rescue helicopters.",
    "Al-Amin, also known as the Colonel, led the unit until 2019.",
    "The ministry not only delayed the report but also cut its budget.",
    "“We are ready to talk,” union chair Tomas Berg said.",
    "Water board chair Lena Pike said the review would start in January.",
    "The ferry captain Ole Brun said the radio had worked normally.",
    "The mayor apologised to the residents and also pledged 2 million euros for repairs.",
    "The council will vote on the budget next week.",
    "While the figures were disputed at first, it quickly became clear that the dam had failed.",
    "Despite reports that talks had stalled, the union said a deal was close.",
    "Officials said there was no sign of a leak.",
    "There are 22 ships waiting at anchor off Saltmere.",
    "In that year's vote, the port union backed the strike.",
    "The harbour pilot aboard the container ship told the inquiry that visibility had fallen.",
  ])("%j stands alone", (text) => {
    expect(readContext(text)).toEqual({ trim: 0, needs: [] });
    expect(leansOnContext(text)).toBe(false);
  });

  it("judges only the first sentence of a joined point", () => {
    expect(leansOnContext("The minister said the dam was safe. He later resigned.")).toBe(false);
    expect(leansOnContext("He later resigned. The minister said the dam was safe.")).toBe(true);
  });

  it("counts bracketed words as ours: a resolved subject no longer leans", () => {
    expect(leansOnContext("[Ada Krol] said the strike would continue.")).toBe(false);
  });
});

describe("isFaithfulExcerpt", () => {
  it("accepts the source, a trimmed start with a new capital, and bracketed stand-ins", () => {
    expect(isFaithfulExcerpt("He said the strike would end.", "He said the strike would end.")).toBe(true);
    expect(isFaithfulExcerpt("The union rejected it.", "the union rejected it.")).toBe(true);
    expect(isFaithfulExcerpt("[Ada Krol] said he would go.", "He said he would go.")).toBe(true);
    expect(isFaithfulExcerpt("“Fine,” [Ada Krol] said.", "“Fine,” she said.")).toBe(true);
    expect(
      isFaithfulExcerpt(
        "“It was an easier [deal],” [Ada Krol] said.",
        "“It was an easier [deal],” she said.",
      ),
    ).toBe(true);
  });

  it("rejects any change outside the brackets", () => {
    expect(isFaithfulExcerpt("[Ada Krol] said he would stay.", "He said he would go.")).toBe(false);
    expect(isFaithfulExcerpt("The union accepted it.", "the union rejected it.")).toBe(false);
    expect(isFaithfulExcerpt("[Ada Krol] said he would go", "He said he would go.")).toBe(false);
    expect(isFaithfulExcerpt("Said he would go.", "He said he would go.")).toBe(false);
  });
});
