// Place names from kept data rather than a hand list: countries and continents from
// countries-list (MIT) and ~7,300 world cities with their provinces and states from
// city-timezones (MIT, built on SimpleMaps' basic world cities).
import { cityMapping } from "city-timezones";
import { continents, countries } from "countries-list";
import { isCommonWord, isPersonName } from "./name-lexicon";
import { memoizeByString } from "../text/bounded-cache";

export type PlaceType = "country" | "region" | "city";

export interface GazetteerPlace {
  type: PlaceType;
  /** The name is also a personal name ("Florence", "Jackson"): people context wins over it. */
  alsoPersonName: boolean;
}

// Small cities named like common words ("Mobile", "Split") are left to context; a big one
// ("Nice") written with a capital mid-sentence is the city.
const COMMON_WORD_CITY_POPULATION = 500_000;

/** Lookup key: lowercase, no dots or commas, single spaces ("Washington, D.C." → "washington dc"). */
export function toGazetteerKey(name: string): string {
  const lower = name.toLowerCase();
  // Most names (~20,000 read at start-up) hold nothing to change: no dots, commas or hyphens,
  // and single spaces between words only.
  if (!NEEDS_CLEANING.test(lower)) return lower;
  return lower.replace(/[.,]/g, "").replace(/[-‑]/g, " ").replace(/\s+/g, " ").trim();
}

const NEEDS_CLEANING = /[.,\-‑]|[^\S ]| {2}|^ | $/;

const PLACES = new Map<string, PlaceType>();
// A country outranks a region, a region a city, when names collide ("Georgia").
const RANK: Record<PlaceType, number> = { country: 3, region: 2, city: 1 };

function addPlace(name: string, type: PlaceType, population = Number.POSITIVE_INFINITY): void {
  const key = toGazetteerKey(name);
  if (key.length < 3 || !/\p{L}/u.test(key)) return;
  if (!key.includes(" ") && isCommonWord(key) && population < COMMON_WORD_CITY_POPULATION) return;
  const seen = PLACES.get(key);
  if (!seen || RANK[type] > RANK[seen]) PLACES.set(key, type);
}

for (const country of Object.values(countries)) {
  addPlace(country.name, "country");
  for (const alias of country.alias ?? []) addPlace(alias, "country");
}
for (const name of Object.values(continents)) addPlace(name, "region");
for (const city of cityMapping) {
  // Provinces named like common words ("Central", "Western") are not taken as places.
  if (city.province && !isCommonWord(toGazetteerKey(city.province))) addPlace(city.province, "region", 0);
  addPlace(city.city, "city", city.pop);
  if (city.city_ascii && city.city_ascii !== city.city) addPlace(city.city_ascii, "city", city.pop);
}

/** The place a name is, when the gazetteer has it (asked of most spans, so kept; callers only read it). */
export const lookupPlace: (name: string) => Readonly<GazetteerPlace> | null = memoizeByString((name) => {
  const key = toGazetteerKey(name);
  const type = PLACES.get(key);
  if (!type) return null;
  return { type, alsoPersonName: !key.includes(" ") && isPersonName(key) };
});
