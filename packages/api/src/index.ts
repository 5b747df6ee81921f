// @dispatch/api: tRPC routers, their context and the services behind them.
export {
  appRouter,
  createCaller,
  readerRouter,
  readerTrpcRouter,
  createReaderCaller,
  type AppRouter,
  type ReaderRouter,
} from "./root";
export { createInnerContext, actorOf, type InnerContext } from "./trpc";
export { AppError, APP_ERROR_CODES, type AppErrorCode } from "./errors";
export {
  listTopics,
  createTopic,
  getTopic,
  updateTopic,
  mergeTopics,
  setTopicArchived,
} from "./services/topics";
export { tagStory, untagStory, reviewSuggestions } from "./services/tags";
export { suggestTopicsForStories, listSuggestions, listUnmatchedStories } from "./services/suggestions";
export { prepareTopics, scoreStory, SUGGESTION_THRESHOLD, type TopicModel } from "./services/topic-scoring";
export { listStories } from "./services/stories";
export { explainSearch, type SearchInput } from "./services/search";
export { seedDemo, type SeedResult } from "./services/demo";
export { commitUpload, previewUpload, type CommitResult, type CommitItem } from "./services/upload";
export { storeParsedStory } from "./services/store-parsed-story";
export { recordAudit, type Actor } from "./services/audit";
export {
  listUsers,
  inviteUser,
  changeRole,
  setUserDisabled,
  type UserSummary,
  type UserRef,
} from "./services/users";
export {
  rebuildBriefing,
  getBriefing,
  listBriefingVersions,
  diffBriefingVersions,
  type BriefingView,
  type RebuildResult,
} from "./services/briefings";
export { noJobs, type JobQueue } from "./jobs/job-queue";
export { createInlineJobs, type InlineJobs } from "./jobs/inline-queue";
export { createTrpcHandler, foreignOriginOf, type TrpcHandlerOptions } from "./http";
export { listProcedures, isInAudience, AUDIENCES, type ProcedureEntry } from "./security/procedure-audiences";
export type { Audience } from "./trpc";
export {
  createOpenApiDocument,
  type OpenApiDocument,
  createOpenApiHandler,
  OPENAPI_DOCUMENT_PATH,
  API_MAX_BODY_BYTES,
  API_BASE_PATH,
  API_ROUTES,
  type ApiRoute,
} from "./openapi";
export { sendDueDigests, selectDigest, DIGEST_INTERVAL_MS, type DigestRun } from "./services/reader-digest";
export { FOLLOW_IMPORT_LIMIT } from "./services/follows";
