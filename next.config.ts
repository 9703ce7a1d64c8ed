import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  output: "standalone",
  poweredByHeader: false,
  // pino and prom-client are server-only Node packages; bundling them breaks their worker/thread use.
  serverExternalPackages: ["pino", "prom-client"],
};

export default nextConfig;
