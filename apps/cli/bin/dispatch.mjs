#!/usr/bin/env node
// The `dispatch` command: runs the built CLI, building it first when the sources are newer.
import { ensureBuilt, entry } from "../scripts/build.mjs";
import { pathToFileURL } from "node:url";

await ensureBuilt();
await import(pathToFileURL(entry).href);
