// A publisher's name as a small badge, with a stable hue per outlet so readers learn to
// recognise it across pages.
const HUES = 6;

export function sourceHue(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return (hash % HUES) + 1;
}

export function SourceBadge(props: { name: string; count?: number }) {
  return (
    <span className={`source-badge source-badge--${sourceHue(props.name)}`}>
      {props.name}
      {props.count === undefined ? null : <span className="source-badge__count"> {props.count}</span>}
    </span>
  );
}
