// Public API of @dispatch/briefing: build a briefing from stories, render it, split sentences
// the same way citations do, and (separately, opt-in) rewrite it with a language model.
export { buildBriefing, BriefingInputError } from "./build-briefing";
export { splitSentences } from "./text/sentences";
export type { SentenceSpan } from "./text/sentences";
export { renderBriefing } from "./output/render";
export { compareBriefings } from "./output/changes";
export { compressToHeadline } from "./storylines/headline-compression";
export type { RenderFormat, RenderOptions, RenderedStory } from "./output/render";
export { ENGINE_VERSION } from "./version";
export { rewriteWithModel } from "./output/abstractive";
export type { ModelOptions, RewriteResult } from "./output/abstractive";
export type {
  Briefing,
  BriefingChanges,
  BriefingChecks,
  BriefingOptions,
  CheckResult,
  Citation,
  CitedSentence,
  DatePrecision,
  Diagnostic,
  Disagreement,
  DisagreementKind,
  DisagreementSide,
  Entity,
  EntityKind,
  EntityStoryCount,
  Point,
  Quote,
  SourceCount,
  StoryInput,
  Storyline,
  Supersession,
  TimelineEvent,
  WritingMode,
} from "./types";
export { profileStory, type StoryProfile } from "./entities/story-profile";
