// Static checks of deploy/Dockerfile and the repository's .dockerignore. No Docker engine runs on CI
// machines (and hadolint is in no registry they reach), so this is: dockerfile-utils' linter (the rules
// of the Dockerfile language server), the structure Rapport's image depends on, agreement with the Helm
// chart, and the build context that .dockerignore leaves.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import dockerignore from "@balena/dockerignore";
import { validate as lintDockerfile } from "dockerfile-utils";
import YAML from "yaml";
import { Report, read, repoDir, deployDir, SECRET_NAME } from "./lib.mjs";
import { loadDockerfile, last, stageEnv } from "./dockerfile-model.mjs";

const r = new Report("Dockerfile and build context (deploy/Dockerfile, .dockerignore)");
const { text, stages } = loadDockerfile();

// The language server's own diagnostics: syntax, unknown instructions and flags, bad JSON forms,
// instructions that have no effect. Every one of them counts.
const diagnostics = lintDockerfile(text, {});
r.check(
  diagnostics.length === 0,
  "dockerfile-utils finds nothing to report",
  diagnostics.map((d) => `line ${d.range.start.line + 1}: ${d.message}`).join("; "),
);

const supported = new Set(["WORKDIR", "COPY", "RUN", "ENV", "USER", "EXPOSE", "ENTRYPOINT", "ARG", "LABEL"]);
for (const s of stages)
  for (const i of s.instructions)
    r.check(
      supported.has(i.keyword),
      `line ${i.line}: ${i.keyword} is one that deploy/checks/image-smoke.mjs can replay`,
      "extend image-smoke.mjs before using it, or the replayed build no longer matches the image",
    );

r.check(stages.length >= 2, "multi-stage: a build stage and a runtime stage", `${stages.length} stage(s)`);
// validate.sh builds with stand-in base images (Docker Hub is out of reach) through these two ARGs.
const froms = [...text.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
r.check(froms[0] === "${JDK_IMAGE}" && froms.at(-1) === "${JRE_IMAGE}", "the base images are the ARGs JDK_IMAGE and JRE_IMAGE (validate.sh swaps in stand-ins)", froms.join(", "));
for (const [name] of loadDockerfile().args) r.check(!SECRET_NAME.test(name), `ARG ${name} is not a secret`);
const build = stages[0];
const runtime = stages.at(-1);
const imageTag = (image) => image.split("/").at(-1).split(":")[1] ?? "";

for (const s of stages) {
  r.check(!/\$/.test(s.image), `stage ${s.name}: base image resolves from its ARG default (${s.image})`);
  r.check(imageTag(s.image) !== "" && imageTag(s.image) !== "latest", `stage ${s.name}: base image has an explicit tag`, s.image);
}
const javaMajor = (image) => Number((/:(\d+)/.exec(image) ?? [])[1] ?? 0);
r.check(/-jdk/.test(build.image) && javaMajor(build.image) >= 25, "build stage runs on a JDK 25+ image", build.image);
r.check(/-jre/.test(runtime.image) && javaMajor(runtime.image) >= 21, "runtime stage runs on a JRE 21+ image", runtime.image);
r.check(
  !/alpine|distroless/.test(runtime.image),
  "runtime image is glibc-based with bash (the chart's shard wrapper and compose's health check need bash)",
  runtime.image,
);

// The build: the README's packaging command through the wrapper, then Boot's layered extraction.
const runs = build.instructions.filter((i) => i.keyword === "RUN");
const buildRun = runs.find((i) => /\.\/mvnw\b/.test(i.command));
r.check(!!buildRun, "build stage builds with the Maven wrapper (./mvnw)");
if (buildRun) {
  for (const flag of ["-B", "-ntp", "-pl app", "-am", "package", "-DskipTests"])
    r.check(buildRun.command.includes(flag), `build command has ${flag}`, buildRun.command);
  r.check(
    buildRun.flags.some((f) => /--mount=type=cache,.*target=\/root\/\.m2/.test(f)),
    "Maven's repository is a BuildKit cache mount, not a layer",
  );
}
const extractRun = runs.find((i) => /-Djarmode=tools/.test(i.command));
r.check(!!extractRun, "build stage extracts the jar with Spring Boot's tools jar mode");
const layers = ["dependencies", "spring-boot-loader", "snapshot-dependencies", "application"];
let destination = null;
if (extractRun) {
  r.check(/-jar app\/target\/rapport\.jar extract\b/.test(extractRun.command), "it extracts app/target/rapport.jar", extractRun.command);
  r.check(/--layers\b/.test(extractRun.command) && /--launcher\b/.test(extractRun.command), "with --layers --launcher", extractRun.command);
  destination = (/--destination\s+(\S+)/.exec(extractRun.command) ?? [])[1] ?? null;
  r.check(!!destination && destination.startsWith("/"), "to an absolute --destination", extractRun.command);
}

// The runtime stage copies the four layers from the build stage, least often changed first.
const copies = runtime.instructions.filter((i) => i.keyword === "COPY");
const layerOrder = copies.map((c) => {
  const src = (c.sources[0] ?? "").replace(/\/$/, "");
  return c.from === build.name && destination && src.startsWith(destination + "/") ? src.slice(destination.length + 1) : null;
});
r.check(
  JSON.stringify(layerOrder.filter(Boolean)) === JSON.stringify(layers),
  "runtime stage copies the layers dependencies, spring-boot-loader, snapshot-dependencies, application in that order",
  JSON.stringify(layerOrder),
);
r.check(!copies.some((c) => c.from === null), "runtime stage copies nothing from the build context (no source, no local files)");

// Non-root with a numeric uid that the chart's securityContext names.
const user = last(runtime, "USER")?.user ?? "";
const [uid, gid] = user.split(":");
r.check(/^\d+$/.test(uid ?? "") && Number(uid) > 0, "runs as a numeric non-root USER (Kubernetes' runAsNonRoot can verify it)", user || "no USER");
const lastUserIndex = runtime.instructions.lastIndexOf(last(runtime, "USER"));
r.check(
  !runtime.instructions.slice(lastUserIndex + 1).some((i) => i.keyword === "USER"),
  "USER is the runtime stage's last word on the user",
);
const values = YAML.parse(read(path.join(deployDir, "helm/rapport/values.yaml")));
r.check(String(values.podSecurityContext?.runAsUser) === uid, `chart's runAsUser matches the image's uid ${uid}`, String(values.podSecurityContext?.runAsUser));
r.check(String(values.podSecurityContext?.runAsGroup) === (gid ?? uid), `chart's runAsGroup matches the image's gid ${gid}`);

// Exec-form entrypoint (java is PID 1 and gets SIGTERM), the same launcher the chart's wrapper execs.
const entrypoint = last(runtime, "ENTRYPOINT");
r.check(!!entrypoint?.exec, "ENTRYPOINT is in exec (JSON) form, so java receives SIGTERM itself");
const launcher = entrypoint?.exec?.join(" ") ?? "";
r.check(launcher === "java org.springframework.boot.loader.launch.JarLauncher", "ENTRYPOINT starts Boot's JarLauncher from the extracted layers", launcher);
const helpers = read(path.join(deployDir, "helm/rapport/templates/_helpers.tpl"));
const chartLauncher = (/define "rapport\.launcher" -\}\}\s*\n(.*)\n/.exec(helpers) ?? [])[1]?.trim();
r.check(chartLauncher === launcher, "the chart's rapport.launcher is the image's ENTRYPOINT", `${chartLauncher} vs ${launcher}`);
r.check(!last(runtime, "CMD"), "no CMD: arguments are the operator's");

const exposed = runtime.instructions.filter((i) => i.keyword === "EXPOSE").flatMap((i) => i.ports);
r.check(exposed.includes("8080") && exposed.includes("8081"), "EXPOSEs 8080 (HTTP) and 8081 (management)", exposed.join(" "));

const env = stageEnv(runtime);
r.check(env.get("RAPPORT_DB_EMBEDDED") === "false", "image sets RAPPORT_DB_EMBEDDED=false");
r.check(env.get("RAPPORT_SANDBOX_ENABLED") === "false", "image sets RAPPORT_SANDBOX_ENABLED=false");
for (const s of stages)
  for (const i of s.instructions.filter((x) => x.keyword === "ENV" || x.keyword === "ARG"))
    for (const [name] of i.properties ?? [[i.text?.split("=")[0] ?? ""]])
      r.check(!SECRET_NAME.test(name), `stage ${s.name}: ${name} is not a secret baked into the image`);

// The build context: what .dockerignore lets through must build, and must hold no secret.
const ignoreFile = path.join(repoDir, ".dockerignore");
r.check(fs.existsSync(ignoreFile), ".dockerignore exists at the repository root (the build context)");
const ig = dockerignore({ ignorecase: false }).add(read(ignoreFile));
const tracked = execFileSync("git", ["ls-files"], { cwd: repoDir, encoding: "utf8" }).split("\n").filter(Boolean);
const modules = [...read(path.join(repoDir, "pom.xml")).matchAll(/<module>([^<]+)<\/module>/g)].map((m) => m[1]);
const needed = ["mvnw", ".mvn/wrapper/maven-wrapper.properties", "pom.xml", ...modules.map((m) => `${m}/pom.xml`)];
for (const f of needed) r.check(!ig.ignores(f), `context keeps ${f}`);
const sources = tracked.filter((f) => modules.some((m) => f.startsWith(`${m}/src/main/`)));
const droppedSources = sources.filter((f) => ig.ignores(f));
r.check(droppedSources.length === 0, `context keeps all ${sources.length} main source files of the modules`, droppedSources.slice(0, 5).join(", "));
for (const f of ["deploy/.env", ".env", "app/.env", ".git/config", "app/target/rapport.jar", "bot-core/target/classes/x.class", ".rapport/postgres/PG_VERSION"])
  r.check(ig.ignores(f), `context leaves out ${f}`);

r.finish();
