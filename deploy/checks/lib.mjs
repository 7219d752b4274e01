// Shared by the deploy checks: one way to report, so validate.sh's output reads the same throughout and
// every check ends in a count that a human (and CI) can read.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const checksDir = path.dirname(fileURLToPath(import.meta.url));
export const deployDir = path.resolve(checksDir, "..");
export const repoDir = path.resolve(deployDir, "..");

export class Report {
  constructor(title) {
    this.title = title;
    this.failures = 0;
    this.passes = 0;
    this.pending = [];
    console.log(`-- ${title}`);
  }

  /** Records one check; `detail` says what was wrong when it failed. */
  check(ok, what, detail = "") {
    if (ok) {
      this.passes++;
      if (process.env.RAPPORT_VALIDATE_VERBOSE) console.log(`   ok    ${what}`);
    } else {
      this.failures++;
      console.log(`   FAIL  ${what}${detail ? `: ${detail}` : ""}`);
    }
    return ok;
  }

  /** Something the deployment expects from the application that this build does not do yet: reported, not failed. */
  pendingApp(what) {
    this.pending.push(what);
    console.log(`   PENDING (application) ${what}`);
  }

  note(text) {
    console.log(`   ${text}`);
  }

  /** Prints the tally and ends the process with 1 when any check failed. */
  finish() {
    console.log(`   ${this.passes} passed, ${this.failures} failed${this.pending.length ? `, ${this.pending.length} pending on the application` : ""}`);
    process.exitCode = this.failures > 0 ? 1 : 0;
    return this.failures === 0;
  }
}

export function read(file) {
  return fs.readFileSync(file, "utf8");
}

/** The variables .env.example documents, set or commented out: NAME=... at the start of a line, after an optional '#'. */
export function documentedEnv(file = path.join(deployDir, ".env.example")) {
  const names = new Map();
  for (const line of read(file).split("\n")) {
    const m = /^#?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) names.set(m[1], { value: m[2], active: !line.startsWith("#") });
  }
  return names;
}

export const SECRET_NAME = /(TOKEN|SECRET|PASSWORD)/;
