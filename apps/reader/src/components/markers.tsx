"use client";
// The citation markers' markup. A client component only so the topic page's RSC payload
// carries each marker as [number, link, outlet] instead of as rendered elements: a 100-story
// briefing shows a few hundred of them. Nothing here runs in the browser but hydration.

/** [story number, link to the cited sentence, outlet] */
export type Marker = [n: number, href: string, source: string];

export function Markers(props: { markers: Marker[]; more: number }) {
  return (
    <>
      {props.markers.map(([n, href, source]) => (
        <sup key={href} className="cite">
          <a href={href} aria-label={`Source ${n}: ${source}`}>
            {n}
          </a>
        </sup>
      ))}
      {props.more > 0 ? (
        <sup className="cite cite--more">
          {`+${props.more}`}
          <span className="visually-hidden">{` more ${props.more === 1 ? "source" : "sources"}`}</span>
        </sup>
      ) : null}
    </>
  );
}
