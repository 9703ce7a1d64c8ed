import { Agent, request } from "node:http";

// Keep-alive, as service-to-service clients are; bounded so a slow dependency cannot open unbounded sockets.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface CallResult {
  status: number; // 0 when there was no HTTP answer
  error?: "refused" | "timeout" | "failed";
}

/** One HTTP request to 127.0.0.1; never rejects. */
export function httpCall(port: number, method: string, path: string, timeoutMs = 5000): Promise<CallResult> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, method, path, agent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.once("end", () => resolve({ status: res.statusCode ?? 0 }));
      res.once("error", () => resolve({ status: 0, error: "failed" }));
    });
    req.once("timeout", () => {
      req.destroy();
      resolve({ status: 0, error: "timeout" });
    });
    req.once("error", (err: NodeJS.ErrnoException) =>
      resolve({ status: 0, error: err.code === "ECONNREFUSED" ? "refused" : "failed" }),
    );
    req.end();
  });
}
