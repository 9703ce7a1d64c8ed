// `npm run image`: builds the container image of the Dockerfile here, offline (scripts/image/build.ts),
// into .tmp/image/oci, and prints its size. Needs `npm run build` first, root, and Debian's umoci and tini.
import { relative } from "node:path";
import { buildImage, IMAGE_TAG } from "./image/build";

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

try {
  const image = buildImage(process.cwd());
  const layout = relative(process.cwd(), image.layout);
  console.log(
    `signalboard: image built in ${image.seconds.toFixed(1)} s: ${layout}:${IMAGE_TAG} (an OCI image layout)`,
  );
  console.log(`  layers, compressed: ${mb(image.layerBytes)}; root file system, unpacked: ${mb(image.rootfsBytes)}`);
  console.log(
    `  push it with an OCI tool, e.g. skopeo copy oci:${layout}:${IMAGE_TAG} docker://registry.example/signalboard:TAG`,
  );
  console.log(
    "  tests/integration/image.test.ts runs it under crun (umoci unpack, then config.json as a pod would have it)",
  );
} catch (e) {
  console.error(`signalboard: ${(e as Error).message}`);
  process.exit(1);
}
