// One topic's briefing for staff: the draft waiting (with Publish), the version shown with a
// pin, strike or lock beside each part, the editors' controls, the engine's checks and
// timings, every version with its state, and two versions compared side by side with who
// pinned, struck or locked what. Admins rebuild it and turn review before publishing on here.
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
import {
  LockWordingForm,
  PinButton,
  PublishButton,
  ReviewToggle,
  StrikeForm,
  UndoButton,
} from "./control-forms";
import { DisagreementsPanel } from "./disagreements-panel";
import styles from "./editing.module.css";

export const metadata: Metadata = { title: "Briefing" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
type EditorPage = RouterOutputs["briefing"]["editorView"];
type EditorVersion = NonNullable<EditorPage["shown"]>;
type VersionState = EditorPage["versions"][number]["state"];

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
  const view = await caller.briefing
    .editorView({ topic: slug, version: versionParam(params.v) })
    .catch(rethrowUnlessMissing);
  const { topic, versions, shown, draft, controls, publishedVersion } = view;
  const from = versionParam(params.from);
  const to = versionParam(params.to);
  const comparison =
    from !== undefined && to !== undefined
      ? await caller.briefing.compare({ topic: topic.slug, from, to }).then(
          (result) => ({ ok: true as const, ...result }),
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
        {publishedVersion !== null ? `readers see v${publishedVersion}` : "nothing published yet"} ·{" "}
        <a href={`${readerUrl}/topics/${topic.slug}`}>Open on the reader site</a>
      </p>
      <p className="muted">
        Review before publishing: <strong>{topic.reviewBeforePublish ? "on" : "off"}</strong>
        {topic.reviewBeforePublish
          ? " — a rebuild makes a draft; readers see it once an editor publishes it. "
          : " — every rebuild is published at once. "}
        {isAdmin(user) ? <ReviewToggle topic={topic.slug} enabled={topic.reviewBeforePublish} /> : null}
      </p>

      {draft ? (
        <DraftPanel
          slug={topic.slug}
          draft={draft}
          publishedVersion={publishedVersion}
          compared={from === publishedVersion && to === draft.version}
        />
      ) : null}
      {shown ? <EditingPanel slug={topic.slug} shown={shown} /> : null}
      <ControlsPanel slug={topic.slug} controls={controls} shownVersion={shown?.version ?? null} />

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
                    <th scope="col">State</th>
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
                      <td>
                        <span className={`status status--${STATE_STATUS[version.state]}`}>
                          {STATE_LABELS[version.state]}
                        </span>
                        {version.publishedBy ? (
                          <span className="meta-inline"> by {version.publishedBy}</span>
                        ) : null}
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
        comparison.ok ? (
          <Comparison diff={comparison.diff} older={comparison.older} newer={comparison.newer} />
        ) : (
          <p className="form-error" role="alert">
            {comparison.message}
          </p>
        )
      ) : null}
    </>
  );
}

const STATE_LABELS: Record<VersionState, string> = {
  published: "published",
  draft: "draft",
  "passed-over": "never published",
};
const STATE_STATUS: Record<VersionState, string> = {
  published: "published",
  draft: "draft",
  "passed-over": "archived",
};

/**
 * The draft waiting: what it changes against what readers see and the comparison; Publish is
 * offered once that comparison is on the page (or when nothing was published before).
 */
function DraftPanel(props: {
  slug: string;
  draft: NonNullable<EditorPage["draft"]>;
  publishedVersion: number | null;
  compared: boolean;
}) {
  const { draft, publishedVersion, slug, compared } = props;
  const diff = draft.diff;
  return (
    <section aria-labelledby="draft-heading" className={`panel ${styles.draftBanner}`}>
      <h2 id="draft-heading">Draft v{draft.version} waits for review</h2>
      <p>
        {publishedVersion !== null
          ? `Readers see v${publishedVersion} until it is published.`
          : "Readers see nothing of this topic until it is published."}
      </p>
      {diff ? (
        <ul className="diff-summary">
          <li>
            Against v{diff.from}: <strong>{diff.addedPoints.length}</strong> points added,{" "}
            <strong>{diff.removedPoints.length}</strong> removed, {diff.addedStoryIds.length} new{" "}
            {diff.addedStoryIds.length === 1 ? "story" : "stories"}
            {diff.addedSources.length ? `, first reports from ${diff.addedSources.join(", ")}` : ""}
          </li>
        </ul>
      ) : null}
      <div className="button-row">
        {publishedVersion !== null && !compared ? (
          <>
            <Link
              className="button"
              href={`/briefings/${slug}?v=${draft.version}&from=${publishedVersion}&to=${draft.version}#compare-heading`}
            >
              Compare v{publishedVersion} → v{draft.version}
            </Link>
            <span className="meta-inline">Publishing is offered beside the comparison.</span>
          </>
        ) : (
          <>
            {compared ? (
              <a className="button button--secondary" href="#compare-heading">
                See the comparison below
              </a>
            ) : null}
            <PublishButton topic={slug} version={draft.version} publishedVersion={publishedVersion} />
          </>
        )}
      </div>
    </section>
  );
}

/** The version shown, as readers would see it, with a pin, strike or lock beside each part. */
function EditingPanel({ slug, shown }: { slug: string; shown: EditorVersion }) {
  const { briefing } = shown;
  const pointsById = new Map(briefing.points.map((point) => [point.id, point]));
  const pinnedBy = new Map(shown.pinned.map((pin) => [pin.pointId, pin.by]));
  const pins = new Map(shown.pinned.map((pin) => [pin.pointId, pin]));
  const labelLock = new Map(shown.lockedLabels.map((lock) => [lock.storylineId, lock]));
  const on = { topic: slug, version: shown.version };
  return (
    <section aria-labelledby="editing-heading" className="panel">
      <h2 id="editing-heading">
        Points of v{shown.version}{" "}
        <span className="meta-inline">
          · {STATE_LABELS[shown.state]} · as readers {shown.state === "published" ? "see" : "would see"} it
        </span>
      </h2>
      <p className="briefing-headline">
        {shown.lockedHeadline ? (
          <span className={styles.locked}>locked by {shown.lockedHeadline.by ?? "an editor"}</span>
        ) : null}
        {briefing.headline}
      </p>
      <div className={styles.tools}>
        <LockWordingForm
          {...on}
          what="headline"
          current={briefing.headline}
          locked={!!shown.lockedHeadline}
        />
        {shown.lockedHeadline ? (
          <UndoButton topic={slug} controlId={shown.lockedHeadline.controlId} label="Unlock headline" />
        ) : null}
      </div>
      {briefing.storylines.map((storyline) => {
        const lock = labelLock.get(storyline.id);
        return (
          <div key={storyline.id}>
            <div className={styles.storylineHead}>
              <h3>
                {lock ? (
                  <span className={styles.locked}>label locked by {lock.by ?? "an editor"}</span>
                ) : null}
                {storyline.label}
              </h3>
              <div className={styles.tools}>
                <LockWordingForm
                  {...on}
                  what="label"
                  storylineId={storyline.id}
                  current={storyline.label}
                  locked={!!lock}
                />
                {lock ? <UndoButton topic={slug} controlId={lock.controlId} label="Unlock label" /> : null}
              </div>
            </div>
            <ol className={styles.points}>
              {storyline.pointIds.flatMap((pointId) => {
                const point = pointsById.get(pointId);
                if (!point) return [];
                const pin = pins.get(point.id);
                const pinned = pin !== undefined;
                return [
                  <li key={point.id} className={styles.point} data-point-id={point.id}>
                    <p>
                      {pinned ? (
                        <span className={styles.pinned}>
                          pinned by {pinnedBy.get(point.id) ?? "an editor"}
                        </span>
                      ) : null}
                      {point.text}{" "}
                      <span className="meta-inline">
                        ({point.sourceCount} source{point.sourceCount === 1 ? "" : "s"})
                      </span>
                    </p>
                    <div className={styles.tools}>
                      {pin ? (
                        <UndoButton topic={slug} controlId={pin.controlId} label="Unpin" />
                      ) : (
                        <PinButton {...on} pointId={point.id} label={point.text} />
                      )}
                      <StrikeForm {...on} pointId={point.id} label={point.text} />
                    </div>
                  </li>,
                ];
              })}
            </ol>
          </div>
        );
      })}
      {shown.struck.length > 0 ? (
        <>
          <h3>Struck from this version</h3>
          <ol className={styles.points}>
            {shown.struck.map((entry) => (
              <li key={entry.controlId} className={styles.point}>
                <p>
                  <span className={styles.struck}>struck by {entry.by ?? "an editor"}</span>
                  <span className={styles.struckText}>{entry.text}</span>
                </p>
                <p className="meta">Reason: {entry.reason}</p>
                <UndoButton topic={slug} controlId={entry.controlId} label="Restore" />
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

const CONTROL_LABELS: Record<string, string> = {
  pin: "Pinned",
  strike: "Struck",
  label: "Label locked",
  headline: "Headline locked",
};
const UNDO_LABELS: Record<string, string> = {
  pin: "Unpin",
  strike: "Restore",
  label: "Unlock",
  headline: "Unlock",
};

/** Every control of the topic: who, what, why, and whether it found its point in the version shown. */
function ControlsPanel(props: {
  slug: string;
  controls: EditorPage["controls"];
  shownVersion: number | null;
}) {
  const { controls, slug, shownVersion } = props;
  return (
    <section aria-labelledby="controls-heading" className="panel">
      <h2 id="controls-heading">Editors&apos; controls</h2>
      {controls.length === 0 ? (
        <p className="muted">
          None. Pin a point to keep it first in its storyline, strike one to keep it from readers, or lock a
          label or the headline to your wording; each holds through later rebuilds.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Control</th>
                <th scope="col">On</th>
                <th scope="col">By</th>
                <th scope="col">In v{shownVersion ?? "—"}</th>
                <th scope="col">
                  <span className="visually-hidden">Undo</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {controls.map((control) => (
                <tr key={control.id}>
                  <td>{CONTROL_LABELS[control.kind] ?? control.kind}</td>
                  <td>
                    {control.value ? (
                      <>
                        “{control.value}” <span className="meta-inline">(was “{control.targetText}”)</span>
                      </>
                    ) : (
                      control.targetText
                    )}
                    {control.reason ? <div className="meta">Reason: {control.reason}</div> : null}
                  </td>
                  <td>
                    {control.by ?? "—"}
                    <div className="meta">
                      {formatDateTime(control.createdAt)} · from v{control.sinceVersion}
                    </div>
                  </td>
                  <td>
                    {!control.applies
                      ? "applies from a later version"
                      : control.matched
                        ? "applied"
                        : "found nothing to apply to"}
                  </td>
                  <td>
                    <UndoButton
                      topic={slug}
                      controlId={control.id}
                      label={UNDO_LABELS[control.kind] ?? "Undo"}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function BriefingSummary({ page, timings }: { page: EditorVersion; timings: Record<string, number> }) {
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
  diff: RouterOutputs["briefing"]["compare"]["diff"];
  older: EditorVersion;
  newer: EditorVersion;
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
        ].map(({ page, mark, label }) => {
          const pinnedBy = new Map(page.pinned.map((pin) => [pin.pointId, pin.by]));
          return (
            <div key={page.version} className="side-by-side__col">
              <h3>
                v{page.version}{" "}
                <span className="meta-inline">
                  · {STATE_LABELS[page.state]} · {formatDateTime(page.createdAt)} ·{" "}
                  {page.briefing.points.length} points
                </span>
              </h3>
              <p className="briefing-headline">
                {page.lockedHeadline ? (
                  <span className={styles.locked}>locked by {page.lockedHeadline.by ?? "an editor"}</span>
                ) : null}
                {page.briefing.headline}
              </p>
              <ol className="point-list">
                {page.briefing.points.map((point) => (
                  <li key={point.id} className={mark.has(point.text) ? `point-${label}` : undefined}>
                    {mark.has(point.text) ? (
                      <span className={`status status--${label === "added" ? "stored" : "rejected"}`}>
                        {label}
                      </span>
                    ) : null}{" "}
                    {pinnedBy.has(point.id) ? (
                      <span className={styles.pinned}>pinned by {pinnedBy.get(point.id) ?? "an editor"}</span>
                    ) : null}
                    {point.text}{" "}
                    <span className="meta-inline">
                      ({point.sourceCount} source{point.sourceCount === 1 ? "" : "s"})
                    </span>
                  </li>
                ))}
              </ol>
              {page.struck.length > 0 ? (
                <ul className="point-list">
                  {page.struck.map((entry) => (
                    <li key={entry.controlId}>
                      <span className={styles.struck}>struck by {entry.by ?? "an editor"}</span>
                      <span className={styles.struckText}>{entry.text}</span>{" "}
                      <span className="meta-inline">({entry.reason})</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          );
        })}
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
