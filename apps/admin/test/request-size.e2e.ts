// A request far over any upload is refused (413, with a message) before the admin app reads
// it: the answer comes while the client is still sending, and the server's memory does not
// take in the body. Before, a 50 MB request was read whole (and copied as text, JSON and
// base64) before the 5 MB per-file check — about 165 MB more in the admin process.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { hasChromium } from "@dispatch/ui/testing";
import { EDITOR } from "./accounts";

const adminUrl = inject("adminUrl");
const REQUEST_BYTES = 50 * 1024 * 1024;

/** The process listening on `port` (the admin's `next start`), found through /proc. */
function findListeningPid(port: number): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is "ADDR:PORT"; state 0A is LISTEN; field 9 is the socket's inode.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A" && fields[9]) inodes.add(fields[9]);
    }
  }
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(pid);
      } catch {
        // the descriptor closed meanwhile
      }
    }
  }
  throw new Error(`no process listens on port ${port}`);
}

/** Resident and peak resident memory of a process, in MB. */
function readMemory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMb: Math.round(kb("VmRSS") / 1024), peakMb: Math.round(kb("VmHWM") / 1024) };
}

/** An editor's session cookie, signed in over HTTP: the limit must hold for those allowed to upload. */
async function signInCookie(): Promise<string> {
  const response = await fetch(`${adminUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: adminUrl },
    body: JSON.stringify({ email: EDITOR.email, password: EDITOR.password }),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

type Answer = { status: number; body: string; sentWhenAnswered: number };

/** Sends `REQUEST_BYTES` of JSON-ish bytes in 1 MB writes, stopping as soon as the server answers. */
function sendLargeRequest(url: string, declareLength: boolean, cookie: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    let answered = false;
    const request = http.request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie,
        ...(declareLength ? { "content-length": String(REQUEST_BYTES) } : {}),
      },
    });
    request.on("response", (response) => {
      answered = true;
      const sentWhenAnswered = sent;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (data: string) => (body += data));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body, sentWhenAnswered });
      });
    });
    request.on("error", (error) => {
      // The server may close the connection on the rest of the body once it has answered.
      if (!answered) reject(error);
    });
    const writeMore = () => {
      while (!answered && sent < REQUEST_BYTES) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", writeMore);
          return;
        }
      }
      if (!answered) request.end();
    };
    writeMore();
  });
}

describe.skipIf(!hasChromium)("request size cap", () => {
  it.each([
    ["with a Content-Length", true],
    ["sent chunked, without a length", false],
  ])(
    "refuses a 50 MB upload request %s with 413 and a message, before reading it",
    async (_label, declareLength) => {
      const cookie = await signInCookie();
      const pid = findListeningPid(Number(new URL(adminUrl).port));
      const before = readMemory(pid);
      const answer = await sendLargeRequest(`${adminUrl}/api/trpc/upload.commit`, declareLength, cookie);
      const after = readMemory(pid);
      console.log(
        `[request size] 50 MB ${declareLength ? "declared" : "chunked"}: ${answer.status} after ${Math.round(answer.sentWhenAnswered / 1024 / 1024)} MB sent; ` +
          `admin RSS ${before.rssMb} → ${after.rssMb} MB, peak ${before.peakMb} → ${after.peakMb} MB`,
      );

      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({
        error: {
          json: {
            message: expect.stringMatching(
              /^The request is (50 MB|over 11 MB)[;,] .*limit.*Upload files of up to 5 MB each/,
            ),
            data: { code: "PAYLOAD_TOO_LARGE" },
          },
        },
      });
      // The server answered while the body was still arriving: it did not wait to read it all.
      expect(answer.sentWhenAnswered).toBeLessThan(REQUEST_BYTES);
      // Its peak memory did not grow by the request's size (reading it whole added ~165 MB).
      expect(after.peakMb - before.peakMb).toBeLessThan(REQUEST_BYTES / 1024 / 1024);
    },
  );
});
