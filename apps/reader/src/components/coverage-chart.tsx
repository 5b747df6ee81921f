// Coverage over time by outlet: a stacked bar per day (or week, for long topics), drawn on
// the server as inline SVG. Screen readers get a title, a summary and the data as a table.
import { formatDate, sourceHue } from "@dispatch/ui";

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
  const max = Math.max(...buckets.map((bucket) => bucket.total));
  // Each outlet keeps the colour of its badge, unless two outlets here share one: then the
  // chart numbers its own colours so every bar stays distinguishable.
  const hues = series.map((name) => (name === "Other outlets" ? 0 : sourceHue(name)));
  const distinct = new Set(hues).size === hues.length;
  const colour = (index: number) => (distinct ? `hue-${hues[index]}` : `series-${index + 1}`);

  const width = 320;
  const height = 140;
  const pad = { top: 10, right: 8, bottom: 22, left: 24 };
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  const slot = plotWidth / bucketCount;
  const barWidth = Math.max(2, Math.min(28, slot * 0.72));
  const unit = step === DAY ? "day" : "week";
  const busiest = buckets.reduce((best, bucket) => (bucket.total > best.total ? bucket : best));
  const summary =
    `${dated.length} stories from ${counts.size} ${counts.size === 1 ? "outlet" : "outlets"} between ` +
    `${formatDate(new Date(first))} and ${formatDate(new Date(last))}; the busiest ${unit} was ` +
    `${formatDate(new Date(busiest.start))} with ${busiest.total}.`;

  return (
    <figure className="coverage">
      <figcaption className="side-heading">Coverage over time</figcaption>
      <svg
        className="coverage__chart"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="coverage-title coverage-desc"
      >
        <title id="coverage-title">{`Stories per ${unit} about ${props.topicName}, by outlet`}</title>
        <desc id="coverage-desc">{summary}</desc>
        <line
          className="coverage__axis"
          x1={pad.left}
          x2={width - pad.right}
          y1={height - pad.bottom}
          y2={height - pad.bottom}
        />
        <text className="coverage__label" x={pad.left - 4} y={pad.top + 8} textAnchor="end">
          {max}
        </text>
        <text className="coverage__label" x={pad.left - 4} y={height - pad.bottom} textAnchor="end">
          0
        </text>
        {buckets.map((bucket, index) => {
          let y = height - pad.bottom;
          const x = pad.left + index * slot + (slot - barWidth) / 2;
          return (
            <g key={bucket.start}>
              {series.map((name, seriesIndex) => {
                const value = bucket.bySeries.get(name) ?? 0;
                if (value === 0) return null;
                const barHeight = (value / max) * plotHeight;
                y -= barHeight;
                return (
                  // No <title> per bar: the table below has every number, and a long topic's
                  // bars would each carry one in the page.
                  <rect
                    key={name}
                    className={`coverage__bar ${colour(seriesIndex)}`}
                    x={round(x)}
                    y={round(y)}
                    width={round(barWidth)}
                    height={round(barHeight)}
                  />
                );
              })}
            </g>
          );
        })}
        <text className="coverage__label" x={pad.left} y={height - 6} textAnchor="start">
          {formatDate(new Date(first))}
        </text>
        {bucketCount > 1 ? (
          <text className="coverage__label" x={width - pad.right} y={height - 6} textAnchor="end">
            {formatDate(new Date(last))}
          </text>
        ) : null}
      </svg>
      <ul className="coverage__legend" aria-hidden="true">
        {series.map((name, index) => (
          <li key={name}>
            <span className={`coverage__swatch ${colour(index)}`} /> {name}
          </li>
        ))}
      </ul>
      <details className="coverage__data">
        <summary>Show the numbers</summary>
        <table>
          <caption className="visually-hidden">Stories per {unit} by outlet</caption>
          <thead>
            <tr>
              <th scope="col">{unit === "day" ? "Day" : "Week of"}</th>
              {series.map((name) => (
                <th scope="col" key={name}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {buckets
              .filter((bucket) => bucket.total > 0)
              .map((bucket) => (
                <tr key={bucket.start}>
                  <th scope="row">{formatDate(new Date(bucket.start))}</th>
                  {series.map((name) => (
                    <td key={name}>{bucket.bySeries.get(name) ?? 0}</td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function startOfDay(date: Date): number {
  const time = date.getTime();
  return time - (time % DAY);
}

// Tenths of a unit are finer than any screen shows, and shorter in the page.
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
