// Reads deploy/Dockerfile into plain data (stages and their instructions), for the static checks and
// for image-smoke.mjs, which replays the build and start outside Docker.
import path from "node:path";
import { DockerfileParser } from "dockerfile-ast";
import { deployDir, read } from "./lib.mjs";

export const dockerfilePath = path.join(deployDir, "Dockerfile");

export function loadDockerfile(file = dockerfilePath) {
  const text = read(file);
  const parsed = DockerfileParser.parse(text);
  const args = new Map();
  for (const arg of parsed.getInstructions().filter((i) => i.getKeyword() === "ARG")) {
    const p = arg.getProperty();
    if (p) args.set(p.getName(), p.getValue());
  }
  const expand = (s) => (s ?? "").replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (all, name) => (args.has(name) ? args.get(name) : all));

  const stages = [];
  let stage = null;
  for (const i of parsed.getInstructions()) {
    const keyword = i.getKeyword();
    const line = i.getRange().start.line + 1;
    if (keyword === "FROM") {
      stage = { name: i.getBuildStage() ?? `stage${stages.length}`, image: expand(i.getImage()), line, instructions: [] };
      stages.push(stage);
      continue;
    }
    if (!stage) continue; // ARGs before the first FROM, gathered above
    const entry = { keyword, line };
    switch (keyword) {
      case "WORKDIR":
        entry.path = i.getArgumentsContent();
        break;
      case "COPY":
        entry.from = i.getFromFlag()?.getValue() ?? null;
        entry.flags = i.getFlags().map((f) => f.toString());
        entry.sources = i.getArguments().slice(0, -1).map((a) => a.getValue());
        entry.destination = i.getArguments().at(-1)?.getValue();
        break;
      case "RUN":
        entry.flags = i.getFlags().map((f) => f.toString());
        entry.command = i.getArgumentsContent();
        break;
      case "ENV":
        entry.properties = i.getProperties().map((p) => [p.getName(), p.getValue()]);
        break;
      case "USER":
        entry.user = i.getArgumentsContent();
        break;
      case "EXPOSE":
        entry.ports = i.getArguments().map((a) => a.getValue());
        break;
      case "ENTRYPOINT":
      case "CMD": {
        const json = i.getJSONStrings?.() ?? [];
        entry.exec = json.length ? json.map((s) => s.getJSONValue()) : null;
        entry.shell = json.length ? null : i.getArgumentsContent();
        break;
      }
      default:
        entry.text = i.getArgumentsContent();
    }
    stage.instructions.push(entry);
  }
  return { text, stages, args };
}

/** The last value an instruction kind sets in a stage (USER, ENTRYPOINT ...), or undefined. */
export function last(stage, keyword) {
  return stage.instructions.filter((i) => i.keyword === keyword).at(-1);
}

/** ENV of a stage, in order, as a Map. */
export function stageEnv(stage) {
  const env = new Map();
  for (const i of stage.instructions.filter((x) => x.keyword === "ENV")) for (const [k, v] of i.properties) env.set(k, v);
  return env;
}
