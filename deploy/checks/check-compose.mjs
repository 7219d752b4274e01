// Checks deploy/compose.yaml as Compose resolved it and deploy/.env.example as documentation:
//   node check-compose.mjs <output of docker-compose config> <the staged copy of deploy/ it ran in>
// `docker-compose config` (Debian's Compose 1.29, which needs no engine) has already validated the file
// against its Compose schema and interpolated it with a copy of .env.example; this checks what Rapport
// needs from it.
import path from "node:path";
import YAML from "yaml";
import { Report, read, deployDir, documentedEnv, SECRET_NAME } from "./lib.mjs";

const r = new Report("Compose file and environment template (deploy/compose.yaml, deploy/.env.example)");
const resolved = YAML.parse(read(process.argv[2]));
const raw = read(path.join(deployDir, "compose.yaml"));
const documented = documentedEnv();

const db = resolved.services?.db;
const app = resolved.services?.rapport;
r.check(!!db && !!app, "services db and rapport exist");

// PostgreSQL: pinned major, data on a named volume, a health check that means "accepting connections".
r.check(/^postgres:\d+/.test(db.image ?? ""), `db runs a pinned PostgreSQL major (${db.image})`);
const dataVolume = (db.volumes ?? []).map(String).find((v) => /:\/var\/lib\/postgresql\/data(:|$)/.test(v));
r.check(!!dataVolume && Object.keys(resolved.volumes ?? {}).includes(dataVolume.split(":")[0]), "db keeps its data on a named volume", String(dataVolume));
r.check(/pg_isready/.test(JSON.stringify(db.healthcheck?.test ?? "")), "db health check runs pg_isready");
r.check(!db.ports, "db publishes no port: only Rapport reaches it");

// Rapport.
// validate.sh runs Compose in a staged copy of deploy/ (so that a developer's real deploy/.env is never
// read, let alone printed): the context must be that copy's parent, as the repository root is deploy/'s.
const staged = process.argv[3] ?? deployDir;
r.check(
  app.build?.dockerfile === "deploy/Dockerfile" && path.resolve(app.build?.context ?? "") === path.resolve(staged, ".."),
  "rapport builds deploy/Dockerfile with the repository root as context",
  `${app.build?.context} ${app.build?.dockerfile}`,
);
r.check(app.depends_on?.db?.condition === "service_healthy", "rapport waits for a healthy db");
r.check(/env_file:\s*\.env\b/.test(raw), "rapport takes its environment from deploy/.env");
const env = app.environment ?? {};
r.check(env.RAPPORT_DB_EMBEDDED === "false", "RAPPORT_DB_EMBEDDED is false");
r.check(env.RAPPORT_SANDBOX_ENABLED === "false", "RAPPORT_SANDBOX_ENABLED is false");
r.check(env.RAPPORT_DB_URL === "jdbc:postgresql://db:5432/rapport", "by default it uses the bundled db", env.RAPPORT_DB_URL);
const hc = JSON.stringify(app.healthcheck?.test ?? "");
r.check(/\/actuator\/health\/liveness/.test(hc) && /8081/.test(hc), "health check asks the liveness endpoint on the management port");
r.check(!/curl|wget/.test(hc), "health check needs no curl or wget (the JRE image has neither)");
const ports = (app.ports ?? []).map((p) => (typeof p === "string" ? p : `${p.host_ip ? p.host_ip + ":" : ""}${p.published}:${p.target}`));
r.check(ports.some((p) => /:8080$|^8080:8080/.test(p) || /8080:8080/.test(p)), "publishes the HTTP port 8080", ports.join(" "));
r.check(ports.some((p) => /^127\.0\.0\.1:\d+:8081/.test(p)), "publishes management 8081 on the host's loopback only", ports.join(" "));
r.check(app.read_only === true, "read-only root filesystem, like the chart");
r.check((app.tmpfs ?? []).some((t) => String(t).startsWith("/tmp")), "a tmpfs /tmp, the only writable place");
r.check((app.cap_drop ?? []).includes("ALL") && (app.security_opt ?? []).some((s) => /no-new-privileges/.test(s)), "no capabilities, no new privileges");
const grace = /^(\d+)s$/.exec(app.stop_grace_period ?? "") ?? /^(\d+)m(\d+)?s?$/.exec(app.stop_grace_period ?? "");
const graceSeconds = grace ? (app.stop_grace_period.includes("m") ? Number(grace[1]) * 60 + Number(grace[2] ?? 0) : Number(grace[1])) : 0;
r.check(graceSeconds > 30, `stop_grace_period ${app.stop_grace_period} exceeds the 30 s graceful shutdown`);

// Secrets come from deploy/.env only: nothing secret written in the compose file itself.
const rawDoc = YAML.parse(raw);
for (const [service, def] of Object.entries(rawDoc.services ?? {}))
  for (const [k, v] of Object.entries(def.environment ?? {}))
    if (SECRET_NAME.test(k)) r.check(/^\$\{[A-Z0-9_]+(:?[?-][^}]*)?\}$/.test(String(v)), `${service}'s ${k} is taken from deploy/.env, not written into compose.yaml`, String(v));
r.check(/POSTGRES_PASSWORD:\s*\$\{RAPPORT_DB_PASSWORD:\?/.test(raw), "the db password comes from deploy/.env and is required (${RAPPORT_DB_PASSWORD:?...})");

// Every ${VARIABLE} the compose file reads is documented in the template.
for (const m of raw.matchAll(/(?<!\$)\$\{([A-Z_][A-Z0-9_]*)/g)) r.check(documented.has(m[1]), `\${${m[1]}} is documented in .env.example`);

// The template documents the settings the deployment relies on, and carries no secret.
const contract = [
  "RAPPORT_DB_URL", "RAPPORT_DB_USER", "RAPPORT_DB_PASSWORD", "RAPPORT_DB_EMBEDDED", "RAPPORT_DB_MAX_POOL_SIZE",
  "RAPPORT_SECRET_KEY", "RAPPORT_SECRET_KEY_PREVIOUS",
  "RAPPORT_SLACK_MODE", "RAPPORT_SLACK_BOT_TOKEN", "RAPPORT_SLACK_APP_TOKEN", "RAPPORT_SLACK_SIGNING_SECRET",
  "RAPPORT_SLACK_CLIENT_ID", "RAPPORT_SLACK_CLIENT_SECRET", "RAPPORT_SLACK_SETUP_ALLOWED",
  "RAPPORT_DISCORD_TOKEN", "RAPPORT_DISCORD_SHARD_TOTAL", "RAPPORT_DISCORD_SHARD_MIN", "RAPPORT_DISCORD_SHARD_MAX",
  "RAPPORT_DISCORD_COORDINATOR_ROLE", "RAPPORT_SANDBOX_ENABLED", "RAPPORT_LOG_FORMAT", "JAVA_TOOL_OPTIONS",
];
for (const name of contract) r.check(documented.has(name), `.env.example documents ${name}`);
for (const [name, { value }] of documented)
  if (SECRET_NAME.test(name)) r.check(value.trim() === "", `.env.example holds no value for the secret ${name}`, value);
const lines = read(path.join(deployDir, ".env.example")).split("\n");
lines.forEach((line, n) => {
  if (/^[A-Z][A-Z0-9_]*=/.test(line) || /^#[A-Z][A-Z0-9_]*=/.test(line)) {
    let above = n - 1;
    while (above >= 0 && /^#?[A-Z][A-Z0-9_]*=/.test(lines[above])) above--;
    r.check(above >= 0 && lines[above].startsWith("# "), `.env.example line ${n + 1} (${line.split("=")[0].replace("#", "")}) is explained by a comment`);
  }
});
r.check(documented.get("RAPPORT_DB_EMBEDDED")?.value === "false" && documented.get("RAPPORT_SANDBOX_ENABLED")?.value === "false", ".env.example sets the embedded database and the sandbox off");

r.finish();
