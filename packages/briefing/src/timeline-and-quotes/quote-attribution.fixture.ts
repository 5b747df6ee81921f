// A labelled set of news-style quotes, written by us, for measuring who the engine says is
// speaking. Each story exercises one attribution pattern; each quote names the speaker a
// careful reader would give it (the canonical entity name, the role or group as written, or
// null when no source says who). `quote` is the start of the words inside the quote marks.

export type AttributionPattern =
  | "name after quote"
  | "said + name after quote"
  | "pronoun after quote"
  | "name before quote"
  | "partial quote after said"
  | "adding:"
  | "according to"
  | "role resolved to a named person"
  | "role nobody is named for"
  | "group"
  | "previous sentence"
  | "next sentence"
  | "apposition"
  | "told / wrote"
  | "organization"
  | "aide speaking for someone"
  | "quote split around the attribution"
  | "unattributed";

export interface LabelledQuote {
  quote: string;
  speaker: string | null;
}

export interface AttributionCase {
  pattern: AttributionPattern;
  title: string;
  body: string;
  quotes: LabelledQuote[];
}

const p = (...paragraphs: string[]): string => paragraphs.join("\n\n");

export const ATTRIBUTION_CASES: AttributionCase[] = [
  {
    pattern: "name after quote",
    title: "Harbour authority delays dredging",
    body: p(
      "The harbour authority in Wexmouth has postponed dredging work until the spring.",
      "“We cannot start while the seals are breeding on the sandbank,” Harriet Lowe said on Monday.",
      "Fishermen had hoped for work to begin in October. “Every month of delay costs our boats real money,” Colm Rafferty told the meeting.",
    ),
    quotes: [
      { quote: "We cannot start while the seals", speaker: "Harriet Lowe" },
      { quote: "Every month of delay", speaker: "Colm Rafferty" },
    ],
  },
  {
    pattern: "name after quote",
    title: "Striker signs new contract",
    body: p(
      "Dunmore Rovers striker Tobias Engqvist has signed a contract that keeps him at the club until 2029.",
      "“This club gave me a chance when nobody else would,” Engqvist said.",
      "Manager Priya Natarajan was equally pleased. “He is the first name on the team sheet every week,” Natarajan said after training.",
    ),
    quotes: [
      { quote: "This club gave me a chance", speaker: "Tobias Engqvist" },
      { quote: "He is the first name on the team sheet", speaker: "Priya Natarajan" },
    ],
  },
  {
    pattern: "said + name after quote",
    title: "Library opening hours cut",
    body: p(
      "Branch libraries across Calder county will close on Wednesdays from next month to save money.",
      "“We looked at every other option before touching opening hours,” said Bernadette Kirwan, who leads the county's culture committee.",
      "“Closing on the one day pensioners use most is the wrong choice,” says Alun Pryce, a retired teacher who volunteers at the Hollins branch.",
    ),
    quotes: [
      { quote: "We looked at every other option", speaker: "Bernadette Kirwan" },
      { quote: "Closing on the one day pensioners", speaker: "Alun Pryce" },
    ],
  },
  {
    pattern: "said + name after quote",
    title: "Wildfire crews contain blaze",
    body: p(
      "Firefighters contained a wildfire north of Arlen Ridge on Saturday after three days of work.",
      "“The wind turned in our favour overnight and the crews did the rest,” said incident commander Luis Ortega.",
      "“Our house is still standing and I don't know how,” added Margit Solberg, who lives at the edge of the burned area.",
    ),
    quotes: [
      { quote: "The wind turned in our favour", speaker: "Luis Ortega" },
      { quote: "Our house is still standing", speaker: "Margit Solberg" },
    ],
  },
  {
    pattern: "pronoun after quote",
    title: "Baker wins regional prize",
    body: p(
      "Ines Carvalho, who opened a bakery in Tolworth four years ago, won the regional small business prize on Thursday.",
      "Carvalho thanked her staff at the ceremony. “None of this happens without the people who start at four in the morning,” she said.",
      "Judge Raymond Okafor praised the shop's apprenticeship scheme. “It is training the next generation of bakers in a town that had lost them,” he said.",
    ),
    quotes: [
      { quote: "None of this happens without the people", speaker: "Ines Carvalho" },
      { quote: "It is training the next generation", speaker: "Raymond Okafor" },
    ],
  },
  {
    pattern: "pronoun after quote",
    title: "Minister defends rail fares",
    body: p(
      "Transport minister Gideon Marsh defended a rise in rail fares during a visit to Keld station.",
      "“Passengers are paying for new trains that will arrive next year,” he told reporters on the platform.",
      "Marsh also said the rise was below inflation. “Nobody likes paying more, but the alternative is cutting services,” he added.",
    ),
    quotes: [
      { quote: "Passengers are paying for new trains", speaker: "Gideon Marsh" },
      { quote: "Nobody likes paying more", speaker: "Gideon Marsh" },
    ],
  },
  {
    pattern: "name before quote",
    title: "Council approves cycle lanes",
    body: p(
      "The city council in Brackwater voted to build six kilometres of protected cycle lanes.",
      "Councillor Naomi Achterberg said: “Parents have told us for years that the roads are too dangerous for their children.”",
      "Shop owner Declan Moriarty warned: “If the parking goes, half the high street will close within a year.”",
    ),
    quotes: [
      { quote: "Parents have told us for years", speaker: "Naomi Achterberg" },
      { quote: "If the parking goes", speaker: "Declan Moriarty" },
    ],
  },
  {
    pattern: "name before quote",
    title: "Hospital opens new ward",
    body: p(
      "St Aldric's Hospital opened a children's ward on Friday after a fundraising drive by local families.",
      "Chief executive Fiona Strachan told staff: “This ward exists because thousands of people gave what they could.”",
      "Mother of two Keisha Bramwell wrote on social media: “The old ward had no window in my son's room for three weeks.”",
    ),
    quotes: [
      { quote: "This ward exists because thousands", speaker: "Fiona Strachan" },
      { quote: "The old ward had no window", speaker: "Keisha Bramwell" },
    ],
  },
  {
    pattern: "partial quote after said",
    title: "Central bank holds rates",
    body: p(
      "The central bank kept its main interest rate at 4.5% on Thursday.",
      "Governor Anneliese Vogt said the bank needed to see “more evidence that price rises are slowing for good” before any cut.",
      "Economist Tariq Haddad said the decision was “the right call in a very uncertain month for markets”.",
    ),
    quotes: [
      { quote: "more evidence that price rises", speaker: "Anneliese Vogt" },
      { quote: "the right call in a very uncertain month", speaker: "Tariq Haddad" },
    ],
  },
  {
    pattern: "partial quote after said",
    title: "Airport expansion paused",
    body: p(
      "Plans for a second runway at Fennick airport were paused after a court ruling on Tuesday.",
      "Campaigner Rosalind Achebe said that the ruling was “a victory for every family living under the flight path”.",
      "The airport's planning director, Marcus Thorne, called the judgment “disappointing but not the end of the road”.",
    ),
    quotes: [
      { quote: "a victory for every family", speaker: "Rosalind Achebe" },
      { quote: "disappointing but not the end of the road", speaker: "Marcus Thorne" },
    ],
  },
  {
    pattern: "adding:",
    title: "Prime minister rejects early election",
    body: p(
      "Prime Minister Henrietta Vale on Wednesday ruled out an early election despite losing a key vote.",
      "Vale told parliament the government still had a working majority, adding: “We were elected to finish the job and we intend to finish it.”",
      "Opposition leader Samuel Adeyemi said the vote showed the coalition was falling apart, adding: “They cannot even agree on a budget among themselves.”",
    ),
    quotes: [
      { quote: "We were elected to finish the job", speaker: "Henrietta Vale" },
      { quote: "They cannot even agree on a budget", speaker: "Samuel Adeyemi" },
    ],
  },
  {
    pattern: "adding:",
    title: "President calls first plan a draft",
    body: p(
      "President Eleanor Strand met the foreign delegation at her residence on Monday.",
      "While Strand had pushed for a quick agreement, the president told reporters afterwards that the first text was only “a starting point for the talks”, adding: “That was never the final offer, it was an opening bid.”",
    ),
    quotes: [
      { quote: "a starting point", speaker: "Eleanor Strand" },
      { quote: "That was never the final offer", speaker: "Eleanor Strand" },
    ],
  },
  {
    pattern: "according to",
    title: "Factory to cut jobs",
    body: p(
      "About 300 jobs are at risk at the Halvorsen glass factory in Millbeck.",
      "“The order book has halved since the summer and we cannot carry that loss,” according to plant manager Greta Lindqvist.",
      "According to union organiser Patrick Nwosu, “the workers found out from a local radio station before anyone told them”.",
    ),
    quotes: [
      { quote: "The order book has halved", speaker: "Greta Lindqvist" },
      { quote: "the workers found out from a local radio station", speaker: "Patrick Nwosu" },
    ],
  },
  {
    pattern: "according to",
    title: "Flood barrier tested",
    body: p(
      "Engineers tested the new flood barrier on the river Skell for the first time on Sunday.",
      "The barrier rose in under ten minutes and held back “far more water than the old defences ever could”, according to the Environment Agency.",
      "The test was “a relief after two winters of sandbags in the hallway”, according to residents who watched from the bank.",
    ),
    quotes: [
      { quote: "far more water than the old defences", speaker: "Environment Agency" },
      { quote: "a relief after two winters of sandbags", speaker: "residents" },
    ],
  },
  {
    pattern: "role resolved to a named person",
    title: "President signs budget",
    body: p(
      "President Donald Trump signed the budget bill at the White House on Friday evening.",
      "“This is the biggest investment in roads and bridges in a generation,” the president said as he signed it.",
      "Senate leader Maria Castellano had pushed the bill through a late-night vote. “It was not pretty, but it passed,” the Senate leader said.",
    ),
    quotes: [
      { quote: "This is the biggest investment in roads", speaker: "Donald Trump" },
      { quote: "It was not pretty, but it passed", speaker: "Maria Castellano" },
    ],
  },
  {
    pattern: "role resolved to a named person",
    title: "Club board backs stadium move",
    body: p(
      "The board of Kessling Athletic voted on Tuesday to move the club to a new stadium on the edge of town.",
      "Board chairman Viktor Holm said the old ground could no longer be repaired.",
      "“The roof is held together with hope and scaffolding,” the board chairman said.",
      "Supporters' trust head Eamon Duffy was unconvinced. “Fans were asked about the colour of the seats, not whether to move,” the trust head said.",
    ),
    quotes: [
      { quote: "The roof is held together", speaker: "Viktor Holm" },
      { quote: "Fans were asked about the colour", speaker: "Eamon Duffy" },
    ],
  },
  {
    pattern: "role resolved to a named person",
    title: "Foreign minister warns over sanctions",
    body: p(
      "Foreign Minister Sergei Lavrov met his Turkish counterpart in Ankara on Thursday.",
      "Western sanctions “will not change our course by a single degree”, the minister told a news conference.",
      "The mayor of Ankara, Mansur Yavas, also attended. “Our city is a place where enemies can talk,” the mayor said.",
    ),
    quotes: [
      { quote: "will not change our course", speaker: "Sergei Lavrov" },
      { quote: "Our city is a place where enemies", speaker: "Mansur Yavas" },
    ],
  },
  {
    pattern: "role nobody is named for",
    title: "Kremlin dismisses report",
    body: p(
      "Moscow dismissed a newspaper report that troops were being moved towards the border.",
      "“These are fantasies written for Western readers,” a Kremlin spokesman said.",
      "“We have seen the satellite images and they are not fantasies,” a senior Nato official told reporters in Brussels.",
    ),
    quotes: [
      { quote: "These are fantasies written", speaker: "a Kremlin spokesman" },
      { quote: "We have seen the satellite images", speaker: "a senior Nato official" },
    ],
  },
  {
    pattern: "role nobody is named for",
    title: "School inspection report published",
    body: p(
      "Inspectors rated Greyfield Academy as requiring improvement after a visit in March.",
      "“Behaviour in corridors was calm but lessons too often lacked challenge,” the lead inspector wrote.",
      "The school's head teacher said: “We accept the findings and have already changed how we plan lessons.”",
    ),
    quotes: [
      { quote: "Behaviour in corridors was calm", speaker: "the lead inspector" },
      { quote: "We accept the findings", speaker: "the school's head teacher" },
    ],
  },
  {
    pattern: "group",
    title: "Water shortage in hill villages",
    body: p(
      "Villages in the Tarn hills have been without running water for a week after a pipe burst.",
      "“We are carrying buckets from the stream like our grandparents did,” residents told the Tarn Courier.",
      "“Repairs are under way but the damage is deep underground,” officials said on Friday.",
      "Ukrainian officials said: “Our engineers have offered to help with the pumps.”",
    ),
    quotes: [
      { quote: "We are carrying buckets", speaker: "residents" },
      { quote: "Repairs are under way", speaker: "officials" },
      { quote: "Our engineers have offered", speaker: "Ukrainian officials" },
    ],
  },
  {
    pattern: "group",
    title: "Protest over housing costs",
    body: p(
      "Several thousand people marched through the centre of Lisvane on Saturday against rising rents.",
      "“My rent has gone up by a third in two years and my wages have not moved,” one protester said.",
      "Police said the march was peaceful. “There were no arrests and the route was cleared by six,” police said in a statement.",
      "“Rents follow interest rates and there is little a city can do alone,” analysts at Barwick Bank wrote in a note.",
    ),
    quotes: [
      { quote: "My rent has gone up by a third", speaker: "one protester" },
      { quote: "There were no arrests", speaker: "police" },
      { quote: "Rents follow interest rates", speaker: "analysts at Barwick Bank" },
    ],
  },
  {
    pattern: "previous sentence",
    title: "Coach resigns after defeat",
    body: p(
      "Coach Anders Brekke resigned on Sunday after his side's fifth straight defeat.",
      "“I have given this team everything I have,” Brekke said.",
      "“It is time for someone with fresh ideas to take over.”",
      "Club captain Yusuf Demir spoke to reporters outside the ground.",
      "“He was the reason most of us came to this club in the first place.”",
    ),
    quotes: [
      { quote: "I have given this team everything", speaker: "Anders Brekke" },
      { quote: "It is time for someone with fresh ideas", speaker: "Anders Brekke" },
      { quote: "He was the reason most of us came", speaker: "Yusuf Demir" },
    ],
  },
  {
    pattern: "previous sentence",
    title: "Museum returns bronze",
    body: p(
      "The Halbrook Museum returned a bronze figure to Nigeria on Wednesday, more than a century after it was taken.",
      "Curator Imogen Fairweather handed the figure to the delegation herself.",
      "“It should never have been in our store room, and it will not be again.”",
    ),
    quotes: [{ quote: "It should never have been in our store room", speaker: "Imogen Fairweather" }],
  },
  {
    pattern: "next sentence",
    title: "Ferry service resumes",
    body: p(
      "The ferry between Carrow and the Inish islands resumed on Monday after a two-week strike.",
      "“We are back, and we are sorry for the disruption.”",
      "Those were the words of ferry company director Hamish Grant as the first boat left the harbour.",
      "“The islanders were cut off from their doctors and their shops for a fortnight.”",
      "Councillor Roisin Byrne said the strike should never have lasted so long.",
    ),
    quotes: [
      { quote: "We are back, and we are sorry", speaker: "Hamish Grant" },
      { quote: "The islanders were cut off", speaker: "Roisin Byrne" },
    ],
  },
  {
    pattern: "apposition",
    title: "Energy regulator caps prices",
    body: p(
      "The energy regulator will cap household prices for another six months.",
      "“Families should not have to choose between heating and eating this winter,” Lorraine Kettering, the regulator's chief executive, said.",
      "“The cap helps today but does nothing about the cost of the network,” said Bruno Castell, an analyst at Meridian Research.",
      "The consumer group's director, Ayesha Karim, said: “The cap is still far above what most people paid three years ago.”",
    ),
    quotes: [
      { quote: "Families should not have to choose", speaker: "Lorraine Kettering" },
      { quote: "The cap helps today", speaker: "Bruno Castell" },
      { quote: "The cap is still far above", speaker: "Ayesha Karim" },
    ],
  },
  {
    pattern: "apposition",
    title: "Envoy says deal is close",
    body: p(
      "Washington's envoy to the region said a ceasefire agreement was close after talks in Doha.",
      "“We are closer than we have been at any point this year,” Tom Barrack, the US envoy, told reporters.",
      "“Nothing is agreed until everything is agreed,” said the Qatari mediator, Khalid al-Mansouri.",
    ),
    quotes: [
      { quote: "We are closer than we have been", speaker: "Tom Barrack" },
      { quote: "Nothing is agreed until everything", speaker: "Khalid al-Mansouri" },
    ],
  },
  {
    pattern: "told / wrote",
    title: "Author returns prize money",
    body: p(
      "Novelist Odette Marchetti has returned the prize money she won last year, citing the sponsor's links to arms sales.",
      "Marchetti wrote on her website: “I cannot keep money from a company that profits from the bombs falling on my mother's town.”",
      "“The prize has always been independent of its sponsor,” the prize's chair, Conrad Blythe, told the Evening Ledger.",
      "“We respect her decision and will give the money to a literacy charity,” Blythe told the paper.",
    ),
    quotes: [
      { quote: "I cannot keep money from a company", speaker: "Odette Marchetti" },
      { quote: "The prize has always been independent", speaker: "Conrad Blythe" },
      { quote: "We respect her decision", speaker: "Conrad Blythe" },
    ],
  },
  {
    pattern: "told / wrote",
    title: "Senator criticises pipeline",
    body: p(
      "Senator Dolores Whitfield criticised the approval of the Great Plains pipeline on Thursday.",
      "Whitfield posted on X: “This pipeline crosses the water supply of two million people.”",
      "Pipeline executive Garrett Lyle told the Associated Press: “Every kilometre has been checked by independent engineers.”",
    ),
    quotes: [
      { quote: "This pipeline crosses the water supply", speaker: "Dolores Whitfield" },
      { quote: "Every kilometre has been checked", speaker: "Garrett Lyle" },
    ],
  },
  {
    pattern: "organization",
    title: "Carmaker recalls vehicles",
    body: p(
      "Carmaker Velden Motors is recalling 40,000 vehicles over a fault in the brake sensors.",
      "“No accidents have been linked to the fault, and owners will be contacted by letter,” Velden Motors said in a statement.",
      "The company said: “Drivers can keep using their cars safely until the sensor is replaced.”",
      "“The recall is the right step but it came late,” the Drivers' Safety Council said.",
    ),
    quotes: [
      { quote: "No accidents have been linked", speaker: "Velden Motors" },
      { quote: "Drivers can keep using their cars", speaker: "Velden Motors" },
      { quote: "The recall is the right step", speaker: "Drivers' Safety Council" },
    ],
  },
  {
    pattern: "organization",
    title: "Ministry defends exam changes",
    body: p(
      "The Ministry of Education defended changes to school exams after complaints from teachers.",
      "“The new papers test understanding rather than memory,” the ministry said on Wednesday.",
      "The National Teachers Union said the changes were rushed. “Schools were given six weeks to rewrite a two-year course,” the union said.",
    ),
    quotes: [
      { quote: "The new papers test understanding", speaker: "Ministry of Education" },
      { quote: "Schools were given six weeks", speaker: "National Teachers Union" },
    ],
  },
  {
    pattern: "aide speaking for someone",
    title: "Governor misses debate",
    body: p(
      "Governor Raymond Ellery did not attend the televised debate on Tuesday night.",
      "His spokeswoman said: “The governor was dealing with the flooding in the north of the state and made no apology for it.”",
      "Challenger Wendy Ashcombe said the governor was hiding. “If he cannot face voters on a stage, how will he face them in a crisis?” she said.",
    ),
    quotes: [
      { quote: "The governor was dealing with the flooding", speaker: "Raymond Ellery’s spokeswoman" },
      { quote: "If he cannot face voters on a stage", speaker: "Wendy Ashcombe" },
    ],
  },
  {
    pattern: "aide speaking for someone",
    title: "Prime minister's health questioned",
    body: p(
      "Prime Minister Henrietta Vale cancelled two public engagements this week.",
      "A spokesman for Henrietta Vale said: “She has a heavy cold and is working from Downing Street as normal.”",
      "“The prime minister will be back at questions in parliament next Wednesday,” her spokesman added.",
    ),
    quotes: [
      { quote: "She has a heavy cold", speaker: "Henrietta Vale’s spokesman" },
      { quote: "The prime minister will be back", speaker: "Henrietta Vale’s spokesman" },
    ],
  },
  {
    pattern: "quote split around the attribution",
    title: "Chef closes restaurant",
    body: p(
      "Chef Matteo Ricci will close his restaurant in Pellworth at the end of the month.",
      "“We had a good ten years,” Ricci said, “but the rent has doubled and the customers have not.”",
      "“I will miss the regulars most,” said waiter Dina Haas, “some of them came every Friday for a decade.”",
    ),
    quotes: [
      { quote: "We had a good ten years", speaker: "Matteo Ricci" },
      { quote: "but the rent has doubled", speaker: "Matteo Ricci" },
      { quote: "I will miss the regulars most", speaker: "Dina Haas" },
      { quote: "some of them came every Friday", speaker: "Dina Haas" },
    ],
  },
  {
    pattern: "unattributed",
    title: "Mural unveiled in market square",
    body: p(
      "A mural covering the side of the old corn exchange was unveiled in Hartwell market square on Saturday.",
      "Its painted banner reads “this town was built by the hands of people who came from everywhere”.",
      "The council's slogan for the year, “a market town that is open to the whole wide world”, appears beneath it.",
    ),
    quotes: [
      { quote: "this town was built by the hands", speaker: null },
      { quote: "a market town that is open", speaker: null },
    ],
  },
];
