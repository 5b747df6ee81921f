"use client";
// The coverage chart's drawing (coverage-chart.tsx counts the stories on the server). A client
// component only so the topic page's RSC payload carries the counts — a few numbers a bar —
// rather than every bar, label and table cell as rendered markup. It renders the same on the
// server, and nothing here runs in the browser but hydration.

/** [outlet or "Other outlets", colour class] */
type Series = [name: string, colour: string];
/** [the day or week's date as shown, stories per series] */
type Bucket = [label: string, counts: number[]];

const WIDTH = 320;
const HEIGHT = 140;
const PAD = { top: 10, right: 8, bottom: 22, left: 24 };

export function CoverageChartView(props: {
  title: string;
  summary: string;
  unit: "day" | "week";
  range: [first: string, last: string];
  series: Series[];
  buckets: Bucket[];
}) {
  const { series, buckets, unit } = props;
  const total = (counts: number[]) => counts.reduce((sum, count) => sum + count, 0);
  const max = Math.max(...buckets.map(([, counts]) => total(counts)));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / buckets.length;
  const barWidth = Math.max(2, Math.min(28, slot * 0.72));
  return (
    <figure className="coverage">
      <figcaption className="side-heading">Coverage over time</figcaption>
      <svg
        className="coverage__chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="coverage-title coverage-desc"
      >
        <title id="coverage-title">{props.title}</title>
        <desc id="coverage-desc">{props.summary}</desc>
        <line
          className="coverage__axis"
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
        />
        <text className="coverage__label" x={PAD.left - 4} y={PAD.top + 8} textAnchor="end">
          {max}
        </text>
        <text className="coverage__label" x={PAD.left - 4} y={HEIGHT - PAD.bottom} textAnchor="end">
          0
        </text>
        {buckets.map(([label, counts], index) => {
          let y = HEIGHT - PAD.bottom;
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          return (
            <g key={label}>
              {counts.map((value, seriesIndex) => {
                if (value === 0) return null;
                const barHeight = (value / max) * plotHeight;
                y -= barHeight;
                return (
                  // No <title> per bar: the table below has every number.
                  <rect
                    key={seriesIndex}
                    className={`coverage__bar ${series[seriesIndex]?.[1] ?? ""}`}
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
        <text className="coverage__label" x={PAD.left} y={HEIGHT - 6} textAnchor="start">
          {props.range[0]}
        </text>
        {buckets.length > 1 ? (
          <text className="coverage__label" x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end">
            {props.range[1]}
          </text>
        ) : null}
      </svg>
      <ul className="coverage__legend" aria-hidden="true">
        {series.map(([name, colour]) => (
          <li key={name}>
            <span className={`coverage__swatch ${colour}`} /> {name}
          </li>
        ))}
      </ul>
      <details className="coverage__data">
        <summary>Show the numbers</summary>
        <table>
          <caption className="visually-hidden">{`Stories per ${unit} by outlet`}</caption>
          <thead>
            <tr>
              <th scope="col">{unit === "day" ? "Day" : "Week of"}</th>
              {series.map(([name]) => (
                <th scope="col" key={name}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {buckets
              .filter(([, counts]) => total(counts) > 0)
              .map(([label, counts]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {counts.map((count, index) => (
                    <td key={index}>{count}</td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

// Tenths of a unit are finer than any screen shows, and shorter in the page.
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
