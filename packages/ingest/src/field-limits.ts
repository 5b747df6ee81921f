// Length limits of a story's single-line fields, shared by ingest (which rejects or trims
// what is over) and the api's edit forms (which refuse it), so both say the same numbers.

export const FIELD_LIMITS = {
  /** A headline; longer is the article text or markup in the wrong field. */
  title: 300,
  /** The standfirst under the headline. */
  dek: 600,
  /** One author's name. */
  bylineName: 120,
  /** Names on one byline. */
  bylineNames: 20,
  /** An outlet's name. */
  source: 120,
  /** A topic's name, and a bundle's topic line (which names a topic). */
  topicName: 120,
} as const;

/** "2,000 characters; the limit is 300": the numbers of a length message. */
export function describeLengthOverLimit(length: number, limit: number): string {
  const format = new Intl.NumberFormat("en");
  return `${format.format(length)} characters long; the limit is ${format.format(limit)}`;
}
