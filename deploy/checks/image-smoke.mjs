// Builds deploy/Dockerfile's image and starts it the way the chart and the compose file do, then checks
// what they rely on. Two ways, the same checks:
//   - docker: validate.sh started a private Docker engine (Debian's docker.io) and built the image with
//     `docker build` and BuildKit; only the base images are stand-ins (a Debian rootfs with the machine's
//     own Temurin 25, since Docker Hub is out of reach). RAPPORT_SMOKE_DOCKER_IMAGE names the image.
//   - replay: no engine could be had (not root, or the engine would not start). The Dockerfile's stages
//     are replayed in bubblewrap sandboxes on the context .dockerignore leaves, with the machine's /usr
//     and JDK standing in for the base images; the groupadd/useradd RUN is not replayed (its uid is
//     compared with USER instead).
// Either way the container runs as its numeric USER on a read-only root with only /tmp writable, and:
//   - with the image's RAPPORT_DB_EMBEDDED=false an unreachable database stops it instead of starting an
//     embedded PostgreSQL,
//   - against a real PostgreSQL it starts, migrates (Flyway, Quartz's tables), serves Actuator on the
//     management port when the application has it, and stops within the grace period on SIGTERM.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { spawn, spawnSync, execFileSync } from "node:child_process";
import dockerignore from "@balena/dockerignore";
import YAML from "yaml";
import { Report, read, repoDir, deployDir } from "./lib.mjs";
import { loadDockerfile } from "./dockerfile-model.mjs";

const dockerImage = process.env.RAPPORT_SMOKE_DOCKER_IMAGE || "";
const dockerCli = (process.env.RAPPORT_SMOKE_DOCKER || "docker").split(" ");
const r = new Report(dockerImage ? `Image ${dockerImage}: docker build done, now docker run` : "Image replay and start (deploy/Dockerfile outside Docker)");
const javaHome = process.env.RAPPORT_SMOKE_JAVA_HOME || process.env.JAVA_HOME;
const db = {
  host: process.env.RAPPORT_SMOKE_DB_HOST || "127.0.0.1",
  port: process.env.RAPPORT_SMOKE_DB_PORT || "5432",
  user: process.env.RAPPORT_SMOKE_DB_USER || "postgres",
  password: process.env.RAPPORT_SMOKE_DB_PASSWORD || "",
};
const work = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-image-"));
const cleanups = new Set();
process.on("exit", () => {
  for (const c of cleanups) c();
  if (!process.env.RAPPORT_SMOKE_KEEP) fs.rmSync(work, { recursive: true, force: true });
});

function die(message) {
  r.check(false, message);
  r.finish();
  process.exit(1);
}

const docker = (...args) => spawnSync(dockerCli[0], [...dockerCli.slice(1), ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

// An image, either way: its user, environment, libraries, and a way to start a container of it.
const image = dockerImage ? fromDocker(dockerImage) : replay();

function fromDocker(name) {
  const inspected = docker("image", "inspect", name);
  if (inspected.status !== 0) die(`docker image inspect ${name}: ${inspected.stderr}`);
  const config = JSON.parse(inspected.stdout)[0].Config;
  const env = new Map(config.Env.map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]));
  const inImage = (user, script) => docker("run", "--rm", "--network", "none", "--user", user, "--entrypoint", "/bin/sh", name, "-c", script);
  const ls = inImage(config.User, `ls ${config.WorkingDir} ${config.WorkingDir}/BOOT-INF/lib`);
  const listing = ls.stdout.split("\n");
  const writable = inImage(config.User, `find ${config.WorkingDir} -writable | head -3`);
  r.check(writable.status === 0 && writable.stdout.trim() === "", `the application's files are not writable by uid ${config.User}`, writable.stdout + writable.stderr);
  const home = inImage(config.User, "getent passwd \"$(id -u)\"");
  r.check(home.status === 0 && home.stdout.includes(":/nonexistent:"), "the image's user exists in its account database, with no home", home.stdout + home.stderr);
  return {
    user: config.User,
    entrypoint: config.Entrypoint,
    workdir: config.WorkingDir,
    env,
    layers: listing,
    libs: listing,
    exposed: Object.keys(config.ExposedPorts ?? {}),
    start(extraEnv, label) {
      const cname = `rapport-smoke-${process.pid}-${label.replace(/\W+/g, "-")}`;
      const envArgs = Object.entries(extraEnv).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
      // The chart's and compose's hardening: read-only root, a tmpfs /tmp, no capabilities or new privileges.
      const created = docker("run", "-d", "--name", cname, "--network", "host", "--read-only", "--tmpfs", "/tmp:rw,mode=1777,size=256m", "--cap-drop", "ALL", "--security-opt", "no-new-privileges:true", ...envArgs, name);
      if (created.status !== 0) die(`docker run: ${created.stderr}`);
      cleanups.add(() => docker("rm", "-f", cname));
      const run = { out: "", err: "", exit: null, label };
      const logs = spawn(dockerCli[0], [...dockerCli.slice(1), "logs", "-f", cname], { stdio: ["ignore", "pipe", "pipe"] });
      logs.stdout.on("data", (d) => (run.out += d));
      logs.stderr.on("data", (d) => (run.err += d));
      const waiter = spawn(dockerCli[0], [...dockerCli.slice(1), "wait", cname], { stdio: ["ignore", "pipe", "ignore"] });
      let code = "";
      waiter.stdout.on("data", (d) => (code += d));
      run.exited = new Promise((resolve) => waiter.on("exit", () => resolve((run.exit = { code: Number(code.trim()) }))));
      run.terminate = () => spawn(dockerCli[0], [...dockerCli.slice(1), "stop", "-t", "45", cname], { stdio: "ignore" });
      run.kill = () => docker("rm", "-f", cname);
      run.execInside = (argv) => docker("exec", cname, ...argv);
      return run;
    },
  };
}

function replay() {
// ---- the build context, as .dockerignore leaves it ------------------------------------------------
const ignoreText = read(path.join(repoDir, ".dockerignore"));
const ig = dockerignore().add(ignoreText);
const hasExceptions = /^\s*!/m.test(ignoreText);
const contextDir = path.join(work, "context");
function copyContext(rel) {
  const abs = path.join(repoDir, rel);
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (ig.ignores(childRel) && !hasExceptions) continue;
      copyContext(childRel);
    } else if (!ig.ignores(childRel)) {
      fs.mkdirSync(path.join(contextDir, rel), { recursive: true });
      fs.cpSync(path.join(abs, entry.name), path.join(contextDir, childRel), { preserveTimestamps: true, verbatimSymlinks: true });
      if (entry.isFile()) fs.chmodSync(path.join(contextDir, childRel), fs.statSync(path.join(abs, entry.name)).mode);
    }
  }
}
fs.mkdirSync(contextDir);
copyContext("");

  // ---- sandboxes -------------------------------------------------------------------------------------
// The host's /usr and /etc stand in for the base image's; the stage's own directories are bound at the
// paths the Dockerfile gave them. The root itself is an empty, read-only tmpfs.
function sandboxArgs(rootfs, { writable, workdir, binds = [] }) {
  const args = ["--die-with-parent", "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"];
  for (const l of ["lib", "lib64", "bin", "sbin"]) if (fs.lstatSync(`/${l}`, { throwIfNoEntry: false })?.isSymbolicLink()) args.push("--symlink", fs.readlinkSync(`/${l}`), `/${l}`);
  if (javaHome && !javaHome.startsWith("/usr/")) args.push("--ro-bind", javaHome, javaHome);
  for (const top of fs.readdirSync(rootfs)) args.push(writable ? "--bind" : "--ro-bind", path.join(rootfs, top), `/${top}`);
  for (const [host, target] of binds) args.push("--bind", host, target);
  args.push("--perms", "1777", "--tmpfs", "/tmp", "--proc", "/proc", "--dev", "/dev", "--remount-ro", "/", "--chdir", workdir);
  return args;
}

const basePath = `${javaHome}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`;

// ---- replay the stages -----------------------------------------------------------------------------
const { stages } = loadDockerfile();
const rootfsOf = new Map();
let final = null;
for (const stage of stages) {
  const rootfs = path.join(work, "stages", stage.name);
  fs.mkdirSync(rootfs, { recursive: true });
  rootfsOf.set(stage.name, rootfs);
  let workdir = "/";
  const env = new Map();
  let user = "0:0";
  let entrypoint = null;
  const inRoot = (p) => path.join(rootfs, path.resolve(workdir, p));
  for (const i of stage.instructions) {
    switch (i.keyword) {
      case "WORKDIR":
        workdir = path.resolve(workdir, i.path);
        fs.mkdirSync(inRoot("."), { recursive: true });
        break;
      case "COPY": {
        const fromRoot = i.from ? rootfsOf.get(i.from) : contextDir;
        if (!fromRoot) die(`line ${i.line}: COPY --from=${i.from} names no earlier stage`);
        const dest = inRoot(i.destination);
        for (const src of i.sources) {
          const from = i.from ? path.join(fromRoot, src) : path.join(contextDir, src);
          if (!fs.existsSync(from)) die(`line ${i.line}: COPY source ${src} does not exist${i.from ? ` in stage ${i.from}` : " in the build context"}`);
          if (fs.statSync(from).isDirectory()) {
            fs.mkdirSync(dest, { recursive: true });
            fs.cpSync(from, dest, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
          } else {
            const target = i.destination.endsWith("/") || fs.existsSync(dest) ? path.join(dest, path.basename(src)) : dest;
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.cpSync(from, target, { preserveTimestamps: true });
          }
        }
        break;
      }
      case "ENV":
        for (const [k, v] of i.properties) env.set(k, v);
        break;
      case "USER":
        user = i.user;
        break;
      case "ENTRYPOINT":
        entrypoint = i.exec;
        break;
      case "EXPOSE":
      case "ARG":
      case "LABEL":
        break;
      case "RUN": {
        if (/^\s*(groupadd|useradd)\b/.test(i.command) && i.command.split("&&").every((c) => /^\s*(groupadd|useradd)\b/.test(c))) {
          // Adds the user to the base image's /etc/passwd: nothing to replay on the host. The uid it
          // creates must be the one USER names.
          const created = (/useradd[^&]*--uid\s+(\d+)/.exec(i.command) ?? [])[1];
          stage.createdUid = created;
          r.note(`line ${i.line}: account setup in the base image, not replayed (uid ${created})`);
          break;
        }
        const binds = [];
        for (const f of i.flags) {
          const m = /--mount=type=cache,(?:.*,)?target=([^,\s]+)/.exec(f);
          if (!m) continue;
          // The cache mount keeps Maven's repository between builds; here that is the machine's own.
          const host = m[1] === "/root/.m2" ? path.join(os.homedir(), ".m2") : path.join(work, "cache", m[1].replace(/\//g, "_"));
          fs.mkdirSync(host, { recursive: true });
          binds.push([host, m[1]]);
        }
        const runEnv = { PATH: basePath, JAVA_HOME: javaHome, HOME: "/root", ...Object.fromEntries(env) };
        const started = Date.now();
        const res = spawnSync("bwrap", [...sandboxArgs(rootfs, { writable: true, workdir, binds }), "/bin/sh", "-c", i.command], {
          env: runEnv,
          encoding: "utf8",
          maxBuffer: 64 * 1024 * 1024,
          timeout: 15 * 60 * 1000,
        });
        const ok = r.check(res.status === 0, `line ${i.line}: RUN ${i.command.slice(0, 90)}${i.command.length > 90 ? " ..." : ""} (${((Date.now() - started) / 1000).toFixed(0)} s)`, `exit ${res.status}\n${(res.stdout + res.stderr).split("\n").slice(-25).join("\n")}`);
        if (!ok) die("the image build does not get past this RUN");
        break;
      }
      default:
        die(`line ${i.line}: ${i.keyword} is not replayed by image-smoke.mjs; extend it`);
    }
  }
  final = { stage, rootfs, workdir, env, user, entrypoint };
}



  const [uid, gid = uid] = final.user.split(":");
  if (final.stage.createdUid) r.check(final.stage.createdUid === uid, `the account the runtime stage creates has USER's uid ${uid}`, final.stage.createdUid);
  const libDir = path.join(final.rootfs, final.workdir, "BOOT-INF/lib");
  return {
    user: final.user,
    entrypoint: final.entrypoint,
    workdir: final.workdir,
    env: final.env,
    layers: fs.readdirSync(path.join(final.rootfs, final.workdir)),
    libs: fs.existsSync(libDir) ? fs.readdirSync(libDir) : [],
    exposed: [],
    start(extraEnv, label) {
      const env = { PATH: basePath, JAVA_HOME: javaHome, HOSTNAME: "rapport-smoke", ...Object.fromEntries(final.env), ...extraEnv };
      const args = [...sandboxArgs(final.rootfs, { writable: false, workdir: final.workdir }), "setpriv", `--reuid=${uid}`, `--regid=${gid}`, "--clear-groups", "--", ...final.entrypoint];
      const child = spawn("bwrap", args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      const kill = () => {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      };
      cleanups.add(kill);
      const run = { out: "", err: "", exit: null, label };
      child.stdout.on("data", (d) => (run.out += d));
      child.stderr.on("data", (d) => (run.err += d));
      run.exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve((run.exit = { code, signal }))));
      // bwrap's child is the application's JVM (setpriv execs java): the signal goes to it, as a container runtime's would.
      run.terminate = () => {
        for (const pid of execFileSync("pgrep", ["-P", String(child.pid)], { encoding: "utf8" }).split("\n").filter(Boolean)) process.kill(Number(pid), "SIGTERM");
      };
      run.kill = kill;
      return run;
    },
  };
}

// ---- what every image must hold ----------------------------------------------------------------------
const [uid] = image.user.split(":");
r.check(/^\d+$/.test(uid) && uid !== "0", `the container runs as numeric non-root uid ${uid}`, image.user);
r.check(image.layers.includes("BOOT-INF") && image.layers.includes("META-INF") && image.layers.includes("org"), `${image.workdir} holds BOOT-INF, META-INF and the loader (org/)`, image.layers.join(" "));
r.check(image.libs.some((l) => /^bot-core-/.test(l)), "the project's own modules are in the image (BOOT-INF/lib/bot-core-*.jar)");
if (dockerImage) r.check(image.exposed.includes("8080/tcp") && image.exposed.includes("8081/tcp"), "the image exposes 8080 and 8081", image.exposed.join(" "));
const hasActuator = image.libs.some((l) => /^spring-boot-actuator-\d/.test(l));
const hasPrometheus = image.libs.some((l) => /^micrometer-registry-prometheus/.test(l));

// ---- start it like a container ---------------------------------------------------------------------
function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));
// A deadline for Promise.race that does not keep the process alive once everything else is done.
const deadline = (ms) => new Promise((res) => setTimeout(() => res(null), ms).unref());
async function waitFor(predicate, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await predicate()) return true;
    await sleep(500);
  }
  return false;
}
async function httpStatus(port, p) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${p}`, { signal: AbortSignal.timeout(3000) });
    return { status: res.status, body: await res.text() };
  } catch {
    return { status: 0, body: "" };
  }
}
const tail = (run) => (run.out + run.err).split("\n").slice(-30).join("\n");

const psql = (sql, database = "postgres") =>
  spawnSync("psql", ["-X", "-q", "-t", "-A", "-h", db.host, "-p", db.port, "-U", db.user, "-d", database, "-c", sql], {
    env: { ...process.env, PGPASSWORD: db.password, PGCONNECT_TIMEOUT: "5" },
    encoding: "utf8",
  });

// 1. No database: with the image's own RAPPORT_DB_EMBEDDED=false the process must stop, not start an
//    embedded PostgreSQL (which as a non-root user it otherwise would).
{
  const closed = await freePort();
  const began = Date.now();
  const run = image.start({ RAPPORT_DB_URL: `jdbc:postgresql://127.0.0.1:${closed}/rapport` }, "no database");
  const stopped = await Promise.race([run.exited, deadline(120_000)]);
  r.check(stopped && stopped.code !== 0, `without a reachable database the container stops with an error (${((Date.now() - began) / 1000).toFixed(0)} s)`, stopped ? `exit ${stopped.code}` : "still running after 120 s");
  r.check(!/starting an embedded PostgreSQL/i.test(run.out + run.err), "and it never starts an embedded PostgreSQL", tail(run));
  run.kill();
}

// 2. A real PostgreSQL: start, serve, stop.
const probe = psql("select 1");
const secretKey = `image-smoke-key-${process.pid}-${Date.now().toString(36)}-0123456789abcdef`;
if (probe.status !== 0) die(`PostgreSQL at ${db.host}:${db.port} as ${db.user} is needed for the start check (RAPPORT_SMOKE_DB_*), or skip it with RAPPORT_VALIDATE_SMOKE=0: ${probe.stderr.trim()}`);
const database = `rapport_image_smoke_${process.pid}_${Date.now().toString(36)}`;
const httpPort = await freePort();
const managementPort = await freePort();

// No RAPPORT_SECRET_KEY: the process stops and names the setting, rather than store comments in the clear.
{
  const keyless = image.start(
    { RAPPORT_DB_URL: `jdbc:postgresql://${db.host}:${db.port}/${database}`, RAPPORT_DB_USER: db.user, RAPPORT_DB_PASSWORD: db.password },
    "no secret key",
  );
  const stopped = await Promise.race([keyless.exited, deadline(180_000)]);
  r.check(stopped && stopped.code !== 0 && /RAPPORT_SECRET_KEY/.test(keyless.out + keyless.err), "without RAPPORT_SECRET_KEY the container stops and says to set it", stopped ? `exit ${stopped.code}\n${tail(keyless)}` : "still running after 180 s");
  keyless.kill();
}

const run = image.start(
  {
    RAPPORT_DB_URL: `jdbc:postgresql://${db.host}:${db.port}/${database}`,
    RAPPORT_DB_USER: db.user,
    RAPPORT_DB_PASSWORD: db.password,
    RAPPORT_SECRET_KEY: secretKey,
    // The container's 8080 and 8081, moved to free ports so that the check never collides with anything.
    SERVER_PORT: String(httpPort),
    MANAGEMENT_SERVER_PORT: String(managementPort),
  },
  "with database",
);
try {
  const startedAt = Date.now();
  const up = await waitFor(async () => {
    if (run.exit) return true;
    if (/Started RapportApplication/.test(run.out + run.err)) return true;
    return hasActuator && (await httpStatus(managementPort, "/actuator/health/liveness")).status === 200;
  }, 180_000);
  const alive = up && !run.exit;
  r.check(alive, `starts as uid ${uid} on a read-only root with only /tmp writable (${((Date.now() - startedAt) / 1000).toFixed(0)} s)`, run.exit ? `exited ${run.exit.code}\n${tail(run)}` : `not started after 180 s\n${tail(run)}`);
  if (!alive) throw new Error("not started");
  await sleep(2000);
  r.check(!run.exit, "keeps running after start-up", run.exit ? tail(run) : "");

  const migrated = psql("select count(*) from flyway_schema_history where success", database);
  r.check(migrated.status === 0 && Number(migrated.stdout.trim()) > 0, `Flyway created and migrated database ${database} on start`, migrated.stderr || migrated.stdout);
  const quartz = psql("select count(*) from information_schema.tables where table_name = 'qrtz_locks'", database);
  r.check(quartz.stdout.trim() === "1", "Quartz's JDBC job store tables exist (cluster mode shares them)");

  if (hasActuator) {
    for (const [p, want] of [["/actuator/health/liveness", 200], ["/actuator/health/readiness", 200]]) {
      const got = await httpStatus(managementPort, p);
      r.check(got.status === want, `GET ${p} on the management port answers ${want}`, `${got.status} ${got.body.slice(0, 300)}`);
    }
    const onMain = await httpStatus(httpPort, "/actuator/health");
    r.check(onMain.status !== 200, "Actuator is not served on the public HTTP port", `${onMain.status}`);
    if (hasPrometheus) {
      const prom = await httpStatus(managementPort, "/actuator/prometheus");
      r.check(prom.status === 200 && /jvm_/.test(prom.body), "GET /actuator/prometheus on the management port serves metrics", `${prom.status}`);
    } else r.check(false, "micrometer-registry-prometheus is in the jar (/actuator/prometheus, the chart's ServiceMonitor)");
    // The compose file's own health check command, pointed at this run's management port.
    const compose = YAML.parse(read(path.join(deployDir, "compose.yaml")));
    const test = compose.services.rapport.healthcheck.test;
    const argv = test.slice(1, -1).concat(test.at(-1).replace("/dev/tcp/127.0.0.1/8081", `/dev/tcp/127.0.0.1/${managementPort}`));
    // Inside the container when there is one: the health check runs with the image's own bash.
    const hc = run.execInside ? run.execInside(argv) : spawnSync(argv[0], argv.slice(1), { encoding: "utf8", timeout: 10_000 });
    r.check(hc.status === 0, "compose.yaml's health check command passes against the running application", hc.stderr);
  } else {
    r.check(false, "spring-boot-actuator is in the jar: the chart's probes (/actuator/health/liveness, /readiness on 8081) and compose's health check need it");
  }

  const lines = run.out.split("\n").filter((l) => l.trim());
  const json = lines.filter((l) => {
    try {
      return typeof JSON.parse(l) === "object";
    } catch {
      return false;
    }
  });
  if (image.env.get("RAPPORT_LOG_FORMAT") === "json") {
    if (json.length > 0 && json.length >= lines.length - 2) r.check(true, "RAPPORT_LOG_FORMAT=json: stdout is one JSON object per line");
    else r.check(false, "RAPPORT_LOG_FORMAT=json: stdout is one JSON object per line", `${json.length} of ${lines.length} stdout lines are JSON`);
  }

  // SIGTERM, as Kubernetes and Docker send it: a graceful stop inside the application's 30 s phase.
  const stopAt = Date.now();
  run.terminate();
  const exit = await Promise.race([run.exited, deadline(40_000)]);
  const seconds = ((Date.now() - stopAt) / 1000).toFixed(1);
  r.check(!!exit && (exit.code === 0 || exit.code === 143), `stops on SIGTERM within the grace period (${seconds} s, exit ${exit?.code})`, exit ? tail(run) : "still running 40 s after SIGTERM");
} catch (e) {
  if (e.message !== "not started") r.check(false, "image start check", e.stack);
} finally {
  run.kill();
  await sleep(300);
  psql(`drop database if exists "${database}" with (force)`);
}
r.finish();
