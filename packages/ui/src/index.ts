// @dispatch/ui: shared React components and the design tokens both apps use.
export { SiteHeader } from "./site-header";
export { formatDate, formatDateTime } from "./format";
export { SourceBadge, sourceHue } from "./source-badge";
