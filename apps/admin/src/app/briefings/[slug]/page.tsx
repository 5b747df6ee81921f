// One topic's briefing for staff: the engine's checks and timings, every version, and two
// versions compared side by side. Admins rebuild it here.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getAuthEnv } from "@dispatch/auth";
import { formatDateTime } from "@dispatch/ui";
import { getCaller } from "~/server/context";
import { isAdmin, requireStaff } from "~/server/page-access";
import type { RouterOutputs } from "~/trpc/types";
import { RebuildButton } from "../rebuild-button";
import { DisagreementsPanel } from "./disagreements-panel";

export const metadata: Metadata = { title: "Briefing" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
type BriefingPage = NonNullable<RouterOutputs["briefing"]["get"]>;

function versionParam(value: string | string[] | undefined): number | undefined {
  const number = typeof value === "string" ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

function rethrowUnlessMissing(error: unknown): never {
  if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
  throw error;
}

const TIMING_LABELS: Record<string, string> = { loadMs: "Loading stories", buildMs: "Building (all stages)" };

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

export default async function BriefingPage(props: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Params>;
}) {
  const user = await requireStaff();
  const { slug: rawSlug } = await props.params;
  const slug = decodeURIComponent(rawSlug);
  const params = await props.searchParams;
  const caller = await getCaller();
  const [topic, versions] = await Promise.all([
    caller.topic.getForEditing({ topic: slug }).catch(rethrowUnlessMissing),
    caller.briefing.versions({ topic: slug }).catch(rethrowUnlessMissing),
  ]);
  const shownVersion = versionParam(params.v);
  const shown =
    topic.status === "active"
      ? await caller.briefing.get({ topic: slug, version: shownVersion }).catch(rethrowUnlessMissing)
      : null;
  const from = versionParam(params.from);
  const to = versionParam(params.to);
  const comparing = from !== undefined && to !== undefined;
  const comparison = comparing
    ? await Promise.all([
        caller.briefing.diff({ topic: slug, from, to }),
        caller.briefing.get({ topic: slug, version: from }),
        caller.briefing.get({ topic: slug, version: to }),
      ]).then(
        ([diff, older, newer]) => ({ ok: true as const, diff, older, newer }),
        (error: unknown) => ({
          ok: false as const,
          message: error instanceof Error ? error.message : "Could not compare these versions.",
        }),
      )
    : null;
  const timings = new Map(versions.map((version) => [version.version, version.timings]));
  const readerUrl = getAuthEnv().readerUrl;
  const defaultFrom = versions[1]?.version ?? versions[0]?.version;
  const defaultTo = versions[0]?.version;

  return (
    <>
      <p className="kicker">
        <Link href="/briefings">Briefings</Link>
      </p>
      <div className="title-row">
        <h1>{topic.name}</h1>
        {isAdmin(user) && topic.status === "active" ? <RebuildButton topic={topic.slug} /> : null}
      </div>
      <p className="muted">
        /{topic.slug} · {versions.length} version{versions.length === 1 ? "" : "s"} ·{" "}
        <a href={`${readerUrl}/topics/${topic.slug}`}>Open on the reader site</a>
      </p>

      {shown ? <DisagreementsPanel page={shown} readerUrl={readerUrl} /> : null}
      {shown ? (
        <BriefingSummary page={shown} timings={timings.get(shown.version) ?? {}} />
      ) : (
        <p className="empty-state">
          {topic.status === "active" ? "This topic has no briefing yet." : "This topic is archived."}
        </p>
      )}

      <section aria-labelledby="versions-heading" className="panel">
        <h2 id="versions-heading">Versions</h2>
        {versions.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">Built</th>
                    <th scope="col" className="num">
                      Stories
                    </th>
                    <th scope="col">Engine</th>
                    <th scope="col" className="num">
                      Load
                    </th>
                    <th scope="col" className="num">
                      Build
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {versions.map((version) => (
                    <tr
                      key={version.version}
                      className={shown?.version === version.version ? "is-current" : undefined}
                    >
                      <td>
                        <Link
                          href={`/briefings/${topic.slug}?v=${version.version}`}
                          aria-current={shown?.version === version.version ? "true" : undefined}
                        >
                          v{version.version}
                        </Link>
                      </td>
                      <td>{formatDateTime(version.createdAt)}</td>
                      <td className="num">{version.storyCount}</td>
                      <td className="cell-mono">{version.engineVersion}</td>
                      <td className="num">
                        {version.timings.loadMs !== undefined ? formatMs(version.timings.loadMs) : "—"}
                      </td>
                      <td className="num">
                        {version.timings.buildMs !== undefined ? formatMs(version.timings.buildMs) : "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {versions.length > 1 ? (
              <form className="compare-form" method="get" aria-label="Compare two versions">
                <VersionSelect
                  name="from"
                  label="Compare"
                  versions={versions}
                  selected={from ?? defaultFrom}
                />
                <VersionSelect name="to" label="with" versions={versions} selected={to ?? defaultTo} />
                <button className="button button--secondary" type="submit">
                  Compare
                </button>
              </form>
            ) : null}
          </>
        )}
      </section>

      {comparison ? (
        comparison.ok && comparison.older && comparison.newer ? (
          <Comparison diff={comparison.diff} older={comparison.older} newer={comparison.newer} />
        ) : (
          <p className="form-error" role="alert">
            {comparison.ok ? "One of these versions does not exist." : comparison.message}
          </p>
        )
      ) : null}
    </>
  );
}

function BriefingSummary({ page, timings }: { page: BriefingPage; timings: Record<string, number> }) {
  const { briefing } = page;
  const checks = briefing.checks;
  const stages = Object.entries(briefing.checks.timings ?? {});
  return (
    <div className="two-col">
      <section aria-labelledby="checks-heading" className="panel">
        <h2 id="checks-heading">
          Checks for v{page.version}{" "}
          <span className={`status ${checks.ok ? "status--stored" : "status--rejected"}`}>
            {checks.ok ? "all passed" : "problems"}
          </span>
        </h2>
        <p className="briefing-headline">{briefing.headline}</p>
        <ul className="checks">
          {checks.results.map((result) => (
            <li key={result.name} className={result.ok ? "check--ok" : "check--fail"}>
              <span className="check__mark" aria-hidden="true">
                {result.ok ? "✓" : "✗"}
              </span>
              <span>
                <strong>{result.name}</strong>{" "}
                <span className="visually-hidden">{result.ok ? "passed" : "failed"}</span>
                <span className="check__detail">{result.detail}</span>
              </span>
            </li>
          ))}
        </ul>
        {Object.keys(checks.counts).length > 0 ? (
          <dl className="counts">
            {Object.entries(checks.counts).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {briefing.diagnostics.length > 0 ? (
          <details className="diagnostics">
            <summary>{briefing.diagnostics.length} diagnostics</summary>
            <ul className="compact-list">
              {briefing.diagnostics.map((diagnostic, index) => (
                <li key={index}>
                  <span
                    className={`status status--${diagnostic.level === "warning" ? "duplicate" : "draft"}`}
                  >
                    {diagnostic.level}
                  </span>{" "}
                  {diagnostic.message}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      <section aria-labelledby="timings-heading" className="panel">
        <h2 id="timings-heading">Timings for v{page.version}</h2>
        <table className="data-table timings">
          <tbody>
            {Object.entries(timings).map(([name, value]) => (
              <tr key={name}>
                <th scope="row">{TIMING_LABELS[name] ?? name}</th>
                <td className="num">{formatMs(value)}</td>
              </tr>
            ))}
            {stages.map(([name, value]) => (
              <tr key={`stage-${name}`}>
                <th scope="row" className="stage">
                  {name}
                </th>
                <td className="num">{formatMs(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="meta">
          {briefing.points.length} points · {briefing.storylines.length} storylines · {page.stories.length}{" "}
          stories · engine {briefing.engineVersion}
        </p>
      </section>
    </div>
  );
}

function Comparison(props: {
  diff: RouterOutputs["briefing"]["diff"];
  older: BriefingPage;
  newer: BriefingPage;
}) {
  const { diff, older, newer } = props;
  const added = new Set(diff.addedPoints.map((point) => point.text));
  const removed = new Set(diff.removedPoints.map((point) => point.text));
  const titleOf = new Map([...older.stories, ...newer.stories].map((story) => [story.id, story.title]));
  return (
    <section aria-labelledby="compare-heading" className="panel comparison">
      <h2 id="compare-heading">
        v{diff.from} → v{diff.to}
      </h2>
      <ul className="diff-summary">
        <li>
          <strong>{diff.addedPoints.length}</strong> points added,{" "}
          <strong>{diff.removedPoints.length}</strong> removed
        </li>
        <li>
          Storylines added: {diff.addedStorylines.length ? diff.addedStorylines.join(", ") : "none"}; removed:{" "}
          {diff.removedStorylines.length ? diff.removedStorylines.join(", ") : "none"}
        </li>
        <li>New sources: {diff.addedSources.length ? diff.addedSources.join(", ") : "none"}</li>
        <li>
          Stories added:{" "}
          {diff.addedStoryIds.length
            ? diff.addedStoryIds.map((id) => titleOf.get(id) ?? id).join("; ")
            : "none"}
          ; removed:{" "}
          {diff.removedStoryIds.length
            ? diff.removedStoryIds.map((id) => titleOf.get(id) ?? id).join("; ")
            : "none"}
        </li>
      </ul>
      <div className="side-by-side">
        {[
          { page: older, mark: removed, label: "removed" },
          { page: newer, mark: added, label: "added" },
        ].map(({ page, mark, label }) => (
          <div key={page.version} className="side-by-side__col">
            <h3>
              v{page.version}{" "}
              <span className="meta-inline">
                · {formatDateTime(page.createdAt)} · {page.briefing.points.length} points
              </span>
            </h3>
            <p className="briefing-headline">{page.briefing.headline}</p>
            <ol className="point-list">
              {page.briefing.points.map((point) => (
                <li key={point.id} className={mark.has(point.text) ? `point-${label}` : undefined}>
                  {mark.has(point.text) ? (
                    <span className={`status status--${label === "added" ? "stored" : "rejected"}`}>
                      {label}
                    </span>
                  ) : null}{" "}
                  {point.text}{" "}
                  <span className="meta-inline">
                    ({point.sourceCount} source{point.sourceCount === 1 ? "" : "s"})
                  </span>
                </li>
              ))}
            </ol>
          </div>
        ))}
      </div>
    </section>
  );
}

/** One side of the compare form: a version of this briefing, by number. */
function VersionSelect(props: {
  name: string;
  label: string;
  versions: Array<{ version: number }>;
  selected: number | undefined;
}) {
  return (
    <div className="form-field">
      <label htmlFor={props.name}>{props.label}</label>
      <select id={props.name} name={props.name} defaultValue={String(props.selected)}>
        {props.versions.map((version) => (
          <option key={version.version} value={version.version}>
            v{version.version}
          </option>
        ))}
      </select>
    </div>
  );
}
