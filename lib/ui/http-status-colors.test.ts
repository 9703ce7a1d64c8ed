import { describe, expect, it } from "vitest";
import { statusLines, statusMeaning } from "./http-status-colors";

describe("statusMeaning", () => {
  it("gives codes and classes their meaning, whatever else is listed", () => {
    expect(statusMeaning("200")).toBe("success");
    expect(statusMeaning("201")).toBe("success");
    expect(statusMeaning("2xx")).toBe("success");
    expect(statusMeaning("404")).toBe("client-error");
    expect(statusMeaning("4xx")).toBe("client-error");
    expect(statusMeaning("500")).toBe("server-error");
    expect(statusMeaning("503")).toBe("server-error");
    expect(statusMeaning("5XX")).toBe("server-error");
    expect(statusMeaning("301")).toBe("neutral");
    expect(statusMeaning("101")).toBe("neutral");
  });

  it("reads Linkerd's classification", () => {
    expect(statusMeaning("success")).toBe("success");
    expect(statusMeaning("failure")).toBe("server-error");
  });

  it("calls anything else unknown, never a success", () => {
    for (const s of ["", "0", "others", "unknown", "600", "20", "2000", "OK"])
      expect(statusMeaning(s), s).toBe("unknown");
  });
});

describe("statusLines", () => {
  it("colours by meaning, not position, and dashes a later status of the same meaning", () => {
    expect(statusLines(["503", "200", "500", "404", "201", "others"])).toEqual([
      { meaning: "server-error", dashed: false },
      { meaning: "success", dashed: false },
      { meaning: "server-error", dashed: true },
      { meaning: "client-error", dashed: false },
      { meaning: "success", dashed: true },
      { meaning: "unknown", dashed: false },
    ]);
  });
});
