{{/*
Names, labels and the pod template shared by the Deployment and the StatefulSet.
*/}}

{{- define "rapport.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name: Kubernetes names are limited to 63 characters, and a StatefulSet's pods add "-<ordinal>",
so the name is cut at 52 to leave room for the ordinal and the "-headless" Service suffix.
*/}}
{{- define "rapport.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "rapport.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "rapport.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rapport.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "rapport.labels" -}}
helm.sh/chart: {{ include "rapport.chart" . }}
{{ include "rapport.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: rapport
{{- end }}

{{- define "rapport.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "rapport.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "rapport.secretName" -}}
{{- default (printf "%s-secrets" (include "rapport.fullname" .)) .Values.secret.existingSecret }}
{{- end }}

{{- define "rapport.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/*
The image's ENTRYPOINT (deploy/Dockerfile). Only the StatefulSet's shard wrapper needs to repeat it;
deploy/validate.sh checks that the two agree.
*/}}
{{- define "rapport.launcher" -}}
java org.springframework.boot.loader.launch.JarLauncher
{{- end }}

{{/*
Settings the chart refuses, with the reason, before anything reaches the cluster.
*/}}
{{- define "rapport.checks" -}}
{{- $v := .Values }}
{{- if and $v.discord.enabled (gt (int $v.replicaCount) 1) (ne $v.workload "StatefulSet") }}
{{- fail "discord.enabled with replicaCount > 1 needs workload: StatefulSet, so that each replica runs its own shard range (a Deployment's replicas are identical and would all run every shard)." }}
{{- end }}
{{- if and $v.discord.enabled (eq $v.workload "StatefulSet") }}
{{- if lt (int $v.discord.shardTotal) (int $v.replicaCount) }}
{{- fail (printf "discord.shardTotal (%d) must be at least replicaCount (%d) on a StatefulSet: every replica needs at least one shard. Discord's recommended count cannot be used here; set it explicitly." (int $v.discord.shardTotal) (int $v.replicaCount)) }}
{{- end }}
{{- if or (ge (int $v.discord.shardMin) 0) (ge (int $v.discord.shardMax) 0) }}
{{- fail "discord.shardMin/shardMax cannot be set on a StatefulSet: each replica's range is computed from its ordinal." }}
{{- end }}
{{- end }}
{{- if or (ge (int $v.discord.shardMin) 0) (ge (int $v.discord.shardMax) 0) }}
{{- if not (and (ge (int $v.discord.shardMin) 0) (ge (int $v.discord.shardMax) 0)) }}
{{- fail "discord.shardMin and discord.shardMax go together." }}
{{- end }}
{{- if or (lt (int $v.discord.shardTotal) 1) (gt (int $v.discord.shardMin) (int $v.discord.shardMax)) (ge (int $v.discord.shardMax) (int $v.discord.shardTotal)) }}
{{- fail "discord.shardMin..shardMax must be a range inside 0..shardTotal-1, with shardTotal set." }}
{{- end }}
{{- end }}
{{- if and (not $v.secret.existingSecret) (hasKey $v.secret.values "RAPPORT_DISCORD_TOKEN") (not $v.discord.enabled) }}
{{- fail "secret.values has RAPPORT_DISCORD_TOKEN but discord.enabled is false: set discord.enabled so the chart can keep replicas off each other's shards." }}
{{- end }}
{{- if le (int $v.shutdown.terminationGracePeriodSeconds) (add (int $v.shutdown.preStopSleepSeconds) (int $v.shutdown.applicationTimeoutSeconds)) }}
{{- fail (printf "shutdown.terminationGracePeriodSeconds (%d) must exceed preStopSleepSeconds + applicationTimeoutSeconds (%d), or Kubernetes kills the JVM in the middle of its graceful shutdown." (int $v.shutdown.terminationGracePeriodSeconds) (add (int $v.shutdown.preStopSleepSeconds) (int $v.shutdown.applicationTimeoutSeconds))) }}
{{- end }}
{{- end }}

{{/*
Pod template for both workloads. The StatefulSet variant wraps the launcher in a shell that turns the
pod's ordinal into RAPPORT_DISCORD_SHARD_MIN/MAX.
*/}}
{{- define "rapport.podTemplate" -}}
{{- $sharded := and .Values.discord.enabled (eq .Values.workload "StatefulSet") -}}
metadata:
  labels:
    {{- include "rapport.selectorLabels" . | nindent 4 }}
    {{- with .Values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    # A changed setting rolls the pods; Spring reads its environment only at start.
    checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}
    {{- if not .Values.secret.existingSecret }}
    checksum/secret: {{ include (print $.Template.BasePath "/secret.yaml") . | sha256sum }}
    {{- end }}
    {{- with .Values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "rapport.serviceAccountName" . }}
  # Rapport never calls the Kubernetes API.
  automountServiceAccountToken: false
  {{- with .Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.priorityClassName }}
  priorityClassName: {{ . }}
  {{- end }}
  terminationGracePeriodSeconds: {{ .Values.shutdown.terminationGracePeriodSeconds }}
  securityContext:
    {{- toYaml .Values.podSecurityContext | nindent 4 }}
  containers:
    - name: rapport
      image: {{ include "rapport.image" . | quote }}
      imagePullPolicy: {{ .Values.image.pullPolicy }}
      {{- if $sharded }}
      command: ["/bin/bash", "-c"]
      args:
        - |
          # Pods of a StatefulSet are named <name>-<ordinal>; replica i of n runs shards
          # [i*total/n, (i+1)*total/n - 1], so the ranges are disjoint and cover every shard.
          set -eu
          ordinal="${POD_NAME##*-}"
          total="${RAPPORT_DISCORD_SHARD_TOTAL}"
          replicas="${RAPPORT_DISCORD_REPLICAS}"
          case "$ordinal" in ''|*[!0-9]*) echo "Cannot read an ordinal from pod name ${POD_NAME}" >&2; exit 1 ;; esac
          if [ "$ordinal" -ge "$replicas" ]; then
            echo "Pod ${POD_NAME} is beyond the ${replicas} replicas the shard ranges were computed for: scale with helm upgrade --set replicaCount=N, not kubectl scale." >&2
            exit 1
          fi
          export RAPPORT_DISCORD_SHARD_MIN=$(( ordinal * total / replicas ))
          export RAPPORT_DISCORD_SHARD_MAX=$(( (ordinal + 1) * total / replicas - 1 ))
          echo "Discord shards ${RAPPORT_DISCORD_SHARD_MIN}..${RAPPORT_DISCORD_SHARD_MAX} of ${total} on ${POD_NAME}" >&2
          exec {{ include "rapport.launcher" . }}
      {{- end }}
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
        - name: management
          containerPort: 8081
          protocol: TCP
      envFrom:
        - configMapRef:
            name: {{ include "rapport.fullname" . }}
        # Listed last: a key in both wins from the Secret.
        - secretRef:
            name: {{ include "rapport.secretName" . }}
      {{- if $sharded }}
      env:
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: RAPPORT_DISCORD_REPLICAS
          value: {{ .Values.replicaCount | quote }}
      {{- end }}
      startupProbe:
        httpGet:
          path: /actuator/health/liveness
          port: management
        periodSeconds: {{ .Values.probes.startup.periodSeconds }}
        timeoutSeconds: {{ .Values.probes.startup.timeoutSeconds }}
        failureThreshold: {{ .Values.probes.startup.failureThreshold }}
      # Liveness is the JVM's own state only: a database or chat outage must not restart every pod.
      livenessProbe:
        httpGet:
          path: /actuator/health/liveness
          port: management
        periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
        timeoutSeconds: {{ .Values.probes.liveness.timeoutSeconds }}
        failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
      # Readiness includes the database, the scheduler and every configured chat connection.
      readinessProbe:
        httpGet:
          path: /actuator/health/readiness
          port: management
        periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
        timeoutSeconds: {{ .Values.probes.readiness.timeoutSeconds }}
        failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
      {{- if gt (int .Values.shutdown.preStopSleepSeconds) 0 }}
      lifecycle:
        preStop:
          exec:
            command: ["sleep", "{{ .Values.shutdown.preStopSleepSeconds }}"]
      {{- end }}
      resources:
        {{- toYaml .Values.resources | nindent 8 }}
      securityContext:
        {{- toYaml .Values.securityContext | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    # The only writable place: the root filesystem is read-only.
    - name: tmp
      emptyDir:
        sizeLimit: {{ .Values.tmpSizeLimit }}
  {{- if .Values.affinity }}
  affinity:
    {{- toYaml .Values.affinity | nindent 4 }}
  {{- else if eq .Values.podAntiAffinity "soft" }}
  affinity:
    podAntiAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 100
          podAffinityTerm:
            topologyKey: kubernetes.io/hostname
            labelSelector:
              matchLabels:
                {{- include "rapport.selectorLabels" . | nindent 16 }}
  {{- else if eq .Values.podAntiAffinity "hard" }}
  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - topologyKey: kubernetes.io/hostname
          labelSelector:
            matchLabels:
              {{- include "rapport.selectorLabels" . | nindent 14 }}
  {{- end }}
  {{- with .Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.topologySpreadConstraints }}
  topologySpreadConstraints:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
