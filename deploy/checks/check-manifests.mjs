// Checks what `helm template` rendered, one file per value set:
//   node check-manifests.mjs <scenario>=<rendered.yaml> ...
// With no API server to ask (kubeconform and kubeval are in no registry CI reaches, and kubectl needs a
// server even for --dry-run=client), every object is checked three ways:
//   1. against the Kubernetes 1.33 OpenAPI schemas that kubernetes-models ships (types, formats,
//      required fields, quantities), and the Prometheus Operator's for the ServiceMonitor;
//   2. by the TypeScript compiler against the same package's type declarations, whose excess-property
//      check rejects any field Kubernetes does not know (a misspelt `livenesProbe` would pass 1.);
//   3. against what Rapport needs: probes on Actuator's management port, the security context, /tmp,
//      secrets only through the Secret, selectors that select, and for the StatefulSet the shard
//      wrapper itself, run in bash for every ordinal.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import YAML from "yaml";
import ts from "typescript";
import { Report, checksDir, documentedEnv, SECRET_NAME } from "./lib.mjs";

const r = new Report("Rendered Kubernetes objects (helm template output)");

const scenarios = process.argv.slice(2).map((a) => {
  const [name, file] = a.split("=");
  return { name, file };
});
if (scenarios.length === 0) {
  console.error("usage: check-manifests.mjs <scenario>=<rendered.yaml> ...");
  process.exit(2);
}

function modulePath(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "monitoring.coreos.com") return `@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`;
  return `kubernetes-models/${group ? `${group}/` : ""}${version}/${kind}`;
}

const documented = documentedEnv();
// Chart-internal variables that only the StatefulSet's shard wrapper reads.
const chartInternal = new Set(["POD_NAME", "RAPPORT_DISCORD_REPLICAS"]);
const tsSources = [];

for (const { name, file } of scenarios) {
  const text = fs.readFileSync(file, "utf8");
  const docs = YAML.parseAllDocuments(text, { uniqueKeys: true, strict: true });
  const objects = [];
  for (const d of docs) {
    if (d.errors.length) r.check(false, `${name}: rendered YAML parses`, d.errors.map((e) => e.message).join("; "));
    const o = d.toJS();
    if (o) objects.push(o);
  }
  r.check(objects.length > 0, `${name}: renders objects (${objects.length})`);
  const id = (o) => `${name}: ${o.kind}/${o.metadata?.name}`;
  const byKind = (k) => objects.filter((o) => o.kind === k);

  // 1. schemas
  for (const o of objects) {
    let Model;
    try {
      const mod = await import(modulePath(o.apiVersion, o.kind));
      Model = mod[o.kind];
    } catch (e) {
      r.check(false, `${id(o)}: a schema exists for ${o.apiVersion} ${o.kind}`, e.message);
      continue;
    }
    try {
      new Model(o).validate();
      r.check(true, `${id(o)}: valid ${o.apiVersion} ${o.kind}`);
    } catch (e) {
      r.check(false, `${id(o)}: valid ${o.apiVersion} ${o.kind}`, e.message);
    }
    r.check(typeof o.metadata?.namespace === "string", `${id(o)}: has the release namespace`);
    tsSources.push({ label: id(o), module: modulePath(o.apiVersion, o.kind), kind: o.kind, object: o });
  }

  // 3. what Rapport needs
  const configMaps = byKind("ConfigMap");
  const secrets = byKind("Secret");
  const services = byKind("Service");
  for (const cm of configMaps) {
    const data = cm.data ?? {};
    r.check(data.RAPPORT_DB_EMBEDDED === "false", `${id(cm)}: RAPPORT_DB_EMBEDDED is "false"`);
    r.check(data.RAPPORT_SANDBOX_ENABLED === "false", `${id(cm)}: RAPPORT_SANDBOX_ENABLED is "false"`);
    r.check(/^jdbc:postgresql:\/\//.test(data.RAPPORT_DB_URL ?? ""), `${id(cm)}: RAPPORT_DB_URL is a PostgreSQL JDBC URL`);
    for (const key of Object.keys(data)) {
      r.check(!SECRET_NAME.test(key), `${id(cm)}: ${key} is not a secret in a ConfigMap`);
      if (key.startsWith("RAPPORT_") || key === "JAVA_TOOL_OPTIONS")
        r.check(documented.has(key) || key === "RAPPORT_PULSE_LANGUAGE", `${id(cm)}: ${key} is documented in deploy/.env.example`);
    }
  }
  for (const s of secrets) {
    for (const key of Object.keys(s.data ?? {})) r.check(/^RAPPORT_[A-Z0-9_]+$/.test(key), `${id(s)}: entry ${key} is a RAPPORT_ variable`);
    r.check(!s.stringData, `${id(s)}: values are in data (base64), not stringData`);
  }

  const workloads = objects.filter((o) => o.kind === "Deployment" || o.kind === "StatefulSet");
  r.check(workloads.length === 1, `${name}: exactly one workload (Deployment or StatefulSet)`, workloads.map((w) => w.kind).join(", "));
  for (const w of workloads) {
    const pod = w.spec.template;
    const spec = pod.spec;
    const podLabels = pod.metadata?.labels ?? {};
    const matches = (selector) => selector && Object.entries(selector).every(([k, v]) => podLabels[k] === v);
    r.check(matches(w.spec.selector?.matchLabels), `${id(w)}: selector matches its pod labels`);
    const c = spec.containers?.find((x) => x.name === "rapport");
    if (!r.check(!!c, `${id(w)}: has the rapport container`)) continue;
    const port = (n) => c.ports?.find((p) => p.name === n)?.containerPort;
    r.check(port("http") === 8080, `${id(w)}: container port http is 8080`);
    r.check(port("management") === 8081, `${id(w)}: container port management is 8081`);
    for (const [probe, p] of [["startupProbe", "/actuator/health/liveness"], ["livenessProbe", "/actuator/health/liveness"], ["readinessProbe", "/actuator/health/readiness"]]) {
      const got = c[probe]?.httpGet;
      r.check(got?.path === p && got?.port === "management", `${id(w)}: ${probe} asks ${p} on the management port`, JSON.stringify(got));
    }
    const startupBudget = (c.startupProbe?.periodSeconds ?? 10) * (c.startupProbe?.failureThreshold ?? 3);
    r.check(startupBudget >= 120, `${id(w)}: the startup probe allows >= 120 s for the first migration (${startupBudget} s)`);
    for (const kind of ["requests", "limits"])
      for (const res of ["cpu", "memory"]) r.check(c.resources?.[kind]?.[res] !== undefined, `${id(w)}: resources.${kind}.${res} is set`);
    r.check(spec.securityContext?.runAsNonRoot === true, `${id(w)}: pod runAsNonRoot`);
    r.check(Number.isInteger(spec.securityContext?.runAsUser) && spec.securityContext.runAsUser > 0, `${id(w)}: pod runAsUser is a non-root uid`);
    r.check(spec.securityContext?.seccompProfile?.type === "RuntimeDefault", `${id(w)}: seccomp RuntimeDefault`);
    r.check(c.securityContext?.readOnlyRootFilesystem === true, `${id(w)}: read-only root filesystem`);
    r.check(c.securityContext?.allowPrivilegeEscalation === false, `${id(w)}: no privilege escalation`);
    r.check(JSON.stringify(c.securityContext?.capabilities?.drop) === '["ALL"]', `${id(w)}: drops all capabilities`);
    const tmp = c.volumeMounts?.find((m) => m.mountPath === "/tmp");
    r.check(!!tmp && !!spec.volumes?.find((v) => v.name === tmp.name && v.emptyDir), `${id(w)}: /tmp is an emptyDir (the only writable place)`);
    r.check(spec.automountServiceAccountToken === false, `${id(w)}: no Kubernetes API token in the pod`);
    const preStop = Number(c.lifecycle?.preStop?.exec?.command?.[1] ?? 0);
    r.check(spec.terminationGracePeriodSeconds > 30 + preStop, `${id(w)}: terminationGracePeriodSeconds ${spec.terminationGracePeriodSeconds} > 30 s graceful shutdown + ${preStop} s preStop`);
    const envFrom = c.envFrom ?? [];
    const cmName = envFrom.find((e) => e.configMapRef)?.configMapRef.name;
    const secretName = envFrom.find((e) => e.secretRef)?.secretRef.name;
    r.check(configMaps.some((m) => m.metadata.name === cmName), `${id(w)}: envFrom names the rendered ConfigMap`, cmName);
    r.check(!!secretName, `${id(w)}: envFrom names a Secret`);
    if (secrets.length) r.check(secrets.some((s) => s.metadata.name === secretName), `${id(w)}: that Secret is the rendered one`, secretName);
    for (const e of c.env ?? []) {
      r.check(!(SECRET_NAME.test(e.name) && "value" in e), `${id(w)}: env ${e.name} carries no secret value`);
      if (e.name.startsWith("RAPPORT_")) r.check(documented.has(e.name) || chartInternal.has(e.name), `${id(w)}: env ${e.name} is documented or chart-internal`);
    }
    if (w.spec.replicas > 1)
      r.check(!!spec.affinity?.podAntiAffinity || !!spec.topologySpreadConstraints, `${id(w)}: replicas are spread over nodes (anti-affinity or topology spread)`);
    const anti = spec.affinity?.podAntiAffinity;
    const terms = [...(anti?.requiredDuringSchedulingIgnoredDuringExecution ?? []), ...(anti?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => t.podAffinityTerm)];
    for (const t of terms) r.check(matches(t.labelSelector?.matchLabels), `${id(w)}: anti-affinity selects its own pods`);

    for (const svc of services) {
      r.check(matches(svc.spec.selector), `${id(svc)}: selects the workload's pods`);
      for (const p of svc.spec.ports ?? []) r.check(!!c.ports.find((cp) => cp.name === p.targetPort), `${id(svc)}: targetPort ${p.targetPort} is a container port`);
    }
    for (const pdb of byKind("PodDisruptionBudget")) r.check(matches(pdb.spec.selector?.matchLabels), `${id(pdb)}: selects the workload's pods`);

    if (w.kind === "StatefulSet") {
      const headless = services.find((s) => s.metadata.name === w.spec.serviceName);
      r.check(headless?.spec?.clusterIP === "None", `${id(w)}: serviceName is a rendered headless Service`);
      if (c.command) checkShardWrapper(id(w), w, c, configMaps[0]?.data ?? {});
    } else {
      r.check(!c.command && !c.args, `${id(w)}: runs the image's own ENTRYPOINT`);
    }
  }

  const mainService = services.find((s) => s.metadata.labels?.["app.kubernetes.io/component"] === "server");
  r.check(!!mainService && mainService.spec.ports.some((p) => p.name === "http") && mainService.spec.ports.some((p) => p.name === "management"), `${name}: the Service has ports http and management`);
  for (const ing of byKind("Ingress"))
    for (const rule of ing.spec.rules ?? [])
      for (const p of rule.http?.paths ?? []) {
        const backend = p.backend?.service;
        r.check(backend?.name === mainService?.metadata.name && backend?.port?.name === "http", `${id(ing)}: ${p.path} goes to the Service's http port`, JSON.stringify(backend));
        r.check(p.path.startsWith("/slack"), `${id(ing)}: routes only Slack's paths (${p.path})`);
      }
  for (const sm of byKind("ServiceMonitor")) {
    const sel = sm.spec.selector?.matchLabels ?? {};
    const selected = services.filter((s) => Object.entries(sel).every(([k, v]) => s.metadata.labels?.[k] === v));
    r.check(selected.length === 1 && selected[0] === mainService, `${id(sm)}: selects exactly the main Service`, selected.map((s) => s.metadata.name).join(", "));
    for (const ep of sm.spec.endpoints ?? []) r.check(ep.port === "management" && ep.path === "/actuator/prometheus", `${id(sm)}: scrapes /actuator/prometheus on the management port`);
  }
}

// The StatefulSet's wrapper, run for real: every ordinal's range, disjoint, covering all shards, and
// refusing an ordinal beyond the replica count. A stand-in `java` records what it was started with.
function checkShardWrapper(label, sts, container, config) {
  const [shell, flag] = container.command;
  const script = container.args?.[0] ?? "";
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-shards-"));
  fs.writeFileSync(path.join(bin, "java"), '#!/bin/sh\necho "$RAPPORT_DISCORD_SHARD_MIN $RAPPORT_DISCORD_SHARD_MAX $*"\n', { mode: 0o755 });
  const sc = spawnSync("shellcheck", ["-s", "bash", "-"], { input: script, encoding: "utf8" });
  if (sc.error) r.note("shellcheck not installed; the wrapper is not linted");
  else r.check(sc.status === 0, `${label}: shellcheck finds nothing in the shard wrapper`, sc.stdout);
  const total = Number(config.RAPPORT_DISCORD_SHARD_TOTAL);
  const replicasEnv = container.env.find((e) => e.name === "RAPPORT_DISCORD_REPLICAS")?.value;
  r.check(Number(replicasEnv) === sts.spec.replicas, `${label}: the wrapper's replica count is the StatefulSet's (${replicasEnv})`);
  const run = (ordinal) =>
    spawnSync(shell, [flag, script], {
      env: { PATH: `${bin}:/usr/bin:/bin`, POD_NAME: `${sts.metadata.name}-${ordinal}`, RAPPORT_DISCORD_SHARD_TOTAL: String(total), RAPPORT_DISCORD_REPLICAS: String(replicasEnv) },
      encoding: "utf8",
    });
  const covered = [];
  for (let i = 0; i < sts.spec.replicas; i++) {
    const res = run(i);
    const [min, max, ...rest] = res.stdout.trim().split(/\s+/);
    const ok = r.check(res.status === 0 && Number(min) <= Number(max), `${label}: pod ${i} runs shards ${min}..${max}`, res.stderr || res.stdout);
    r.check(rest.join(" ") === "org.springframework.boot.loader.launch.JarLauncher", `${label}: pod ${i} execs the image's launcher`, rest.join(" "));
    if (ok) for (let s = Number(min); s <= Number(max); s++) covered.push(s);
  }
  const expected = Array.from({ length: total }, (_, i) => i);
  r.check(JSON.stringify(covered) === JSON.stringify(expected), `${label}: the ranges are disjoint and cover shards 0..${total - 1} in order`, covered.join(","));
  const beyond = run(sts.spec.replicas);
  r.check(beyond.status !== 0 && !beyond.stdout.trim(), `${label}: a pod beyond replicaCount (kubectl scale) refuses to start`);
  fs.rmSync(bin, { recursive: true, force: true });
}

// 2. Unknown fields: compile every object as a literal of its declared interface.
{
  const dir = fs.mkdtempSync(path.join(checksDir, ".tscheck-"));
  try {
    const lines = [];
    const imports = new Map();
    tsSources.forEach((s, n) => {
      const iface = `I${s.kind}`;
      const alias = `${iface}_${[...imports.keys()].length}`;
      if (!imports.has(s.module)) imports.set(s.module, { iface, alias });
      lines.push(`// ${s.label}\nexport const o${n}: ${imports.get(s.module).alias} = ${JSON.stringify(s.object, null, 1)};`);
    });
    const header = [...imports].map(([m, { iface, alias }]) => `import type { ${iface} as ${alias} } from "${m}";`).join("\n");
    const file = path.join(dir, "objects.ts");
    fs.writeFileSync(file, `${header}\n${lines.join("\n")}\n`);
    const program = ts.createProgram([file], {
      noEmit: true,
      strict: true,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      typeRoots: [],
      types: [],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file || !d.file);
    const source = fs.readFileSync(file, "utf8").split("\n");
    const labelAt = (line) => {
      for (let l = line; l >= 0; l--) if (source[l].startsWith("// ")) return source[l].slice(3);
      return "?";
    };
    for (const d of diagnostics) {
      const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
      r.check(false, `${labelAt(line)}: fields and types match the Kubernetes declarations`, ts.flattenDiagnosticMessageText(d.messageText, " "));
    }
    r.check(diagnostics.length === 0, `TypeScript strict check of ${tsSources.length} objects against kubernetes-models' declarations`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

r.finish();
