{{/*
Names, labels and the checks that need more than values.schema.json can say.
*/}}

{{- define "signalboard.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's objects are named <release>-signalboard, or <release> where it already says signalboard. */}}
{{- define "signalboard.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "signalboard.selectorLabels" -}}
app.kubernetes.io/name: {{ include "signalboard.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "signalboard.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "signalboard.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: signalboard
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "signalboard.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "signalboard.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "signalboard.image" -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion }}
{{- if .Values.image.digest }}
{{- printf "%s:%s@%s" .Values.image.repository $tag .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository $tag }}
{{- end }}
{{- end }}

{{/* The Secret mounted at credentials.mountPath: the user's own, or the chart's from credentials.files. */}}
{{- define "signalboard.credentialsSecret" -}}
{{- if .Values.credentials.existingSecret }}
{{- .Values.credentials.existingSecret }}
{{- else if .Values.credentials.files }}
{{- printf "%s-credentials" (include "signalboard.fullname" .) }}
{{- end }}
{{- end }}

{{/*
The upstreams' ports, one per line, for the NetworkPolicy's egress: each URL's own, else its
scheme's. The URLs are config.sources' when set (prometheusUrl is then not used), else prometheusUrl.
*/}}
{{- define "signalboard.upstreamPorts" -}}
{{- $urls := list .Values.prometheusUrl }}
{{- with .Values.config.sources }}
{{- $urls = list }}
{{- range . }}{{- $urls = append $urls .url }}{{- end }}
{{- end }}
{{- $ports := list }}
{{- range $urls }}
{{- $url := urlParse . }}
{{- $hostPort := splitList ":" $url.host }}
{{- $ports = append $ports (ternary (last $hostPort) (ternary "443" "80" (eq $url.scheme "https")) (gt (len $hostPort) 1)) }}
{{- end }}
{{- uniq $ports | join "\n" }}
{{- end }}

{{/*
Checks across values that values.schema.json cannot express, each failing with the key at fault.
*/}}
{{- define "signalboard.validate" -}}
{{- $prometheus := .Values.config.prometheus | default dict }}
{{- if hasKey $prometheus "url" }}
{{- fail "config.prometheus.url: set prometheusUrl instead (the chart passes it as PROMETHEUS_URL, which wins over the file)" }}
{{- end }}
{{- if and .Values.credentials.existingSecret .Values.credentials.files }}
{{- fail "credentials: set existingSecret or files, not both" }}
{{- end }}
{{- if and (hasKey .Values.podDisruptionBudget "minAvailable") (hasKey .Values.podDisruptionBudget "maxUnavailable") }}
{{- fail "podDisruptionBudget: set minAvailable or maxUnavailable, not both" }}
{{- end }}
{{- include "signalboard.checkCredentialFiles" . }}
{{- end }}

{{/*
The shipped rules (rules/signalboard-recorded.yaml, `npm run chart:generate`) are those of every
preset at the default scrape interval (15 s) and status window (60 s). signalboard reads only rules
written for its own window and conventions, so where the configuration differs they would cost
Prometheus work and never be read: ask for the user's own file instead.
*/}}
{{- define "signalboard.checkShippedRules" -}}
{{- $prometheus := .Values.config.prometheus | default dict }}
{{- $services := .Values.config.services | default dict }}
{{- $scrape := $prometheus.scrapeIntervalSeconds | default 15 }}
{{- $window := max ($services.statusWindowSeconds | default 60) (mul 4 $scrape) }}
{{- $own := "generate your own with `npm run rules` (same configuration) and pass it as prometheusRule.ruleFile" }}
{{- if or (ne (toString $scrape) "15") (ne (toString $window) "60") }}
{{- fail (printf "prometheusRule: the chart's rules are for a 15 s scrape interval and a 60 s window, this configuration has %vs and %vs: %s" $scrape $window $own) }}
{{- end }}
{{- if eq (toString $services.presets) "false" }}
{{- fail (printf "prometheusRule: the chart's rules are the presets', which config.services.presets turns off: %s" $own) }}
{{- end }}
{{- if $services.conventions }}
{{- fail (printf "prometheusRule: the chart's rules cover the presets only, not config.services.conventions: %s" $own) }}
{{- end }}
{{- end }}

{{/*
Every credential file the config names must be in a Secret the chart mounts, and, where the chart
makes that Secret from credentials.files, be one of its keys: a wrong path fails here, not in the pod.
*/}}
{{- define "signalboard.checkCredentialFiles" -}}
{{- $prometheus := .Values.config.prometheus | default dict }}
{{- $basicAuth := $prometheus.basicAuth | default dict }}
{{- $tls := $prometheus.tls | default dict }}
{{- $named := dict "bearerTokenFile" $prometheus.bearerTokenFile "basicAuth.passwordFile" $basicAuth.passwordFile "tls.caFile" $tls.caFile "tls.certFile" $tls.certFile "tls.keyFile" $tls.keyFile }}
{{- $mounts := list }}
{{- if include "signalboard.credentialsSecret" . }}
{{- $mounts = append $mounts (clean .Values.credentials.mountPath) }}
{{- end }}
{{- range .Values.extraSecretMounts }}
{{- $mounts = append $mounts (clean .mountPath) }}
{{- end }}
{{- if .Values.automountServiceAccountToken }}
{{- $mounts = append $mounts "/var/run/secrets/kubernetes.io/serviceaccount" }}
{{- end }}
{{- range $key, $path := $named }}
{{- if $path }}
{{- $mounted := false }}
{{- range $mounts }}
{{- if hasPrefix (printf "%s/" .) $path }}
{{- $mounted = true }}
{{- end }}
{{- end }}
{{- if not $mounted }}
{{- fail (printf "config.prometheus.%s: %s is in no mounted Secret (credentials.mountPath with existingSecret or files, or extraSecretMounts)" $key $path) }}
{{- end }}
{{- $files := $.Values.credentials.files }}
{{- if and $files (eq (dir $path) (clean $.Values.credentials.mountPath)) (not (hasKey $files (base $path))) }}
{{- fail (printf "config.prometheus.%s: credentials.files has no key %s" $key (base $path)) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
