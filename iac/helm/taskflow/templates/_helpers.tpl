{{/* The chart's name, cut to what Kubernetes allows in a label. */}}
{{- define "taskflow.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The prefix of every object's name. */}}
{{- define "taskflow.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains (include "taskflow.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "taskflow.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "taskflow.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "taskflow.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: taskflow
{{- end -}}

{{- define "taskflow.selectorLabels" -}}
app.kubernetes.io/name: {{ include "taskflow.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "taskflow.serviceAccountName" -}}
{{- default (include "taskflow.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{/*
The processes of the release: the API (TASKFLOW_CONSUMERS=none) and one per enabled consumer, each with the
consumer defaults overlaid by its own values. Returns YAML: a map from the component name to its settings.
*/}}
{{- define "taskflow.components" -}}
{{- $out := dict -}}
{{- $api := mergeOverwrite (deepCopy .Values.workloadDefaults) (deepCopy .Values.api) -}}
{{- $_ := set $api "consumers" "none" -}}
{{- $_ := set $api "kind" "api" -}}
{{- $_ := set $out "api" $api -}}
{{- range $name, $cfg := .Values.consumers -}}
{{- if $cfg.enabled -}}
{{- $c := mergeOverwrite (deepCopy $.Values.workloadDefaults) (deepCopy $cfg) -}}
{{- $_ := set $c "consumers" $name -}}
{{- $_ := set $c "kind" "consumer" -}}
{{- $_ := set $out $name $c -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}
