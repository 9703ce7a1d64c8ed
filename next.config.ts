import type { NextConfig } from "next";

// One id per build, known to the server and baked into the client: a TV page that sees the
// server's id change reloads itself onto the new version.
const buildId = process.env.SIGNALBOARD_BUILD_ID ?? new Date().toISOString().replace(/[-:.TZ]/g, "");

const nextConfig: NextConfig = {
  output: "standalone",
  poweredByHeader: false,
  generateBuildId: () => buildId,
  env: { NEXT_PUBLIC_SIGNALBOARD_BUILD: buildId },
  // pino and prom-client are server-only Node packages; bundling them breaks their worker/thread use.
  // undici (the upstream's fetch and Agent) bundled is a copy per route bundle, three of 750 kB:
  // loaded from node_modules it is one, whose fetch and Agent are sure to match.
  serverExternalPackages: ["pino", "prom-client", "undici"],
};

export default nextConfig;
