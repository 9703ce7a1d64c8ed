// The lines of config that add a custom convention (README, "Configuration"), filled in from the
// upstream's own metric names where it has likely ones, so a new user can copy and adjust them.

const HISTOGRAM_PART = /_(count|bucket)$/;

/**
 * A `services.conventions` entry: the first suggestion as the request counter, the first histogram
 * among the suggestions (its base name, as `duration` wants it) as the duration; placeholders where
 * there is none.
 */
export function customConventionYaml(suggestions: readonly string[]): string {
  const histogram = suggestions.find((s) => HISTOGRAM_PART.test(s));
  const requests = suggestions[0] ?? "myapp_http_requests_total";
  const duration = histogram?.replace(HISTOGRAM_PART, "") ?? "myapp_http_request_duration_seconds";
  return [
    "services:",
    "  conventions:",
    "    - name: my-services",
    `      requests: ${requests === histogram ? `${duration}_count` : requests}`,
    `      duration: ${duration}`,
    "      serviceLabel: job",
    "      statusLabel: code",
    "",
  ].join("\n");
}
