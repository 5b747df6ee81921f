// Coverage over time by outlet: a stacked bar per day (or week, for long topics), counted here
// on the server and drawn as inline SVG by coverage-chart-view.tsx. Screen readers get a title,
// a summary and the data as a table.
import { formatDate, sourceHue } from "@dispatch/ui";
import { CoverageChartView } from "./coverage-chart-view";

type Item = { source: string | null; publishedAt: Date | null };

const MAX_SERIES = 5;
const DAY = 86_400_000;

export function CoverageChart(props: { stories: Item[]; topicName: string }) {
  const dated = props.stories.filter(
    (story): story is Item & { publishedAt: Date } => story.publishedAt !== null,
  );
  if (dated.length === 0) return null;

  const counts = new Map<string, number>();
  for (const story of dated)
    counts.set(story.source ?? "Unknown", (counts.get(story.source ?? "Unknown") ?? 0) + 1);
  const ranked = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name]) => name);
  const series = ranked.length > MAX_SERIES ? [...ranked.slice(0, MAX_SERIES - 1), "Other outlets"] : ranked;
  const seriesOf = (source: string | null) => {
    const name = source ?? "Unknown";
    return series.includes(name) ? name : "Other outlets";
  };

  const times = dated.map((story) => startOfDay(story.publishedAt));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const step = (last - first) / DAY > 45 ? 7 * DAY : DAY;
  const bucketCount = Math.floor((last - first) / step) + 1;
  const buckets = Array.from({ length: bucketCount }, (_, index) => ({
    start: first + index * step,
    bySeries: new Map<string, number>(),
    total: 0,
  }));
  for (const story of dated) {
    const bucket = buckets[Math.floor((startOfDay(story.publishedAt) - first) / step)];
    if (!bucket) continue;
    const name = seriesOf(story.source);
    bucket.bySeries.set(name, (bucket.bySeries.get(name) ?? 0) + 1);
    bucket.total += 1;
  }
  // Each outlet keeps the colour of its badge, unless two outlets here share one: then the
  // chart numbers its own colours so every bar stays distinguishable.
  const hues = series.map((name) => (name === "Other outlets" ? 0 : sourceHue(name)));
  const distinct = new Set(hues).size === hues.length;
  const colour = (index: number) => (distinct ? `hue-${hues[index]}` : `series-${index + 1}`);

  const unit = step === DAY ? "day" : "week";
  const busiest = buckets.reduce((best, bucket) => (bucket.total > best.total ? bucket : best));
  const summary =
    `${dated.length} stories from ${counts.size} ${counts.size === 1 ? "outlet" : "outlets"} between ` +
    `${formatDate(new Date(first))} and ${formatDate(new Date(last))}; the busiest ${unit} was ` +
    `${formatDate(new Date(busiest.start))} with ${busiest.total}.`;
  return (
    <CoverageChartView
      title={`Stories per ${unit} about ${props.topicName}, by outlet`}
      summary={summary}
      unit={unit}
      range={[formatDate(new Date(first)), formatDate(new Date(last))]}
      series={series.map((name, index) => [name, colour(index)])}
      buckets={buckets.map((bucket) => [
        formatDate(new Date(bucket.start)),
        series.map((name) => bucket.bySeries.get(name) ?? 0),
      ])}
    />
  );
}

function startOfDay(date: Date): number {
  const time = date.getTime();
  return time - (time % DAY);
}
