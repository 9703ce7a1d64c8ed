/** The URL without user:password: error messages and /api/v1/status show it, credentials stay here. */
export function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    return u.toString().replace(/\/+$/, "");
  } catch {
    return "(invalid URL)";
  }
}
