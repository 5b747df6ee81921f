// The day a sentence puts its event on, resolved the way the timeline resolves dates
// ("Tuesday" in a story of Wednesday 25 November is 24 November), so two outlets differ on
// a date only when the days differ, not when one names the weekday and the other the date.
import { resolveDates } from "../timeline-and-quotes/timeline";

export interface EventDate {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The date words as written. */
  text: string;
  start: number;
  end: number;
  relative: boolean;
}

/** The one day the sentence names, or null when it names none, several, or only a month or year. */
export function findEventDate(sentence: string, reference: Date | null): EventDate | null {
  const days = resolveDates(sentence, reference).filter((d) => d.precision === "day" && d.date !== null);
  const distinct = new Set(days.map((d) => d.date));
  const first = days[0];
  if (distinct.size !== 1 || !first || first.date === null) return null;
  // "since Monday", "until Friday": a span around the event, not its day; "said on Thursday":
  // the day of the statement, not of what it reports.
  const lead = sentence.slice(Math.max(0, first.index - 30), first.index);
  if (/\b(?:since|until|till|through|from|by)\s+$/i.test(lead)) return null;
  if (/\b(?:said|says|told\s+\w+|added|announced|confirmed|stated)\s+(?:on\s+)?$/i.test(lead)) return null;
  return {
    date: first.date,
    text: first.dateText,
    start: first.index,
    end: first.index + first.dateText.length,
    relative: first.resolution === "relative",
  };
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "24 November 2026" for `2026-11-24`. */
export function formatDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${d ?? ""} ${MONTH_NAMES[(m ?? 1) - 1] ?? ""} ${y ?? ""}`.trim();
}
