// Which browser API made a cell fail at build (browser-api.ts): named where the build cannot give it,
// and nothing named where the failure has another cause.
import { describe, expect, it } from "vitest";
import { browserApiBehind } from "../../src/publish/browser-api.ts";

const api = (message: string, source: string, line?: string, errorName = "TypeError") => browserApiBehind({ message, errorName, source, ...(line === undefined ? {} : { line }) })?.api;

describe("browserApiBehind", () => {
  it("names a browser global the realm does not define", () => {
    for (const name of ["localStorage", "sessionStorage", "indexedDB", "IntersectionObserver", "ResizeObserver", "AudioContext", "matchMedia"]) {
      expect(browserApiBehind({ message: `${name} is not defined`, source: `${name}` })?.api).toBe(name);
    }
    expect(browserApiBehind({ message: "localStorage is not defined", source: "" })?.atBuild).toBe("exists only in the reader's browser, not at build");
  });

  it("names what window, navigator and the build's empty document give as undefined or null", () => {
    expect(api("window.matchMedia is not a function", 'window.matchMedia("(prefers-color-scheme: dark)")')).toBe("window.matchMedia");
    expect(api("Cannot read properties of undefined (reading 'getCurrentPosition')", "navigator.geolocation.getCurrentPosition(f)")).toBe("navigator.geolocation");
    expect(api("Cannot read properties of undefined (reading 'getItem')", 'const s = window.localStorage.getItem("k");')).toBe("window.localStorage");
    expect(api("(window.AudioContext || window.webkitAudioContext) is not a constructor", "")).toBe("window.AudioContext");
    // The element found on one line is used on the next: the line that threw does not name the query.
    expect(api("Cannot set properties of null (setting 'textContent')", 'const el = document.querySelector("#out");\nel.textContent = "1";', 'el.textContent = "1";')).toBe("document.querySelector");
    expect(api("Cannot read properties of undefined (reading 'style')", 'document.getElementsByClassName("x")[0].style')).toBe("document.getElementsByClassName");
    expect(api("Cannot read properties of null (reading 'fillRect')", 'const ctx = canvas.getContext("2d");\nctx.fillRect(0, 0, 1, 1);', "ctx.fillRect(0, 0, 1, 1);")).toBe("HTMLCanvasElement.getContext");
  });

  it("names nothing when the failure has another cause", () => {
    expect(api("megawattHours is not defined", "megawattHours", undefined, "ReferenceError")).toBeUndefined();
    expect(api("Cannot read properties of undefined (reading 'kWh')", "run.result.kWh")).toBeUndefined();
    // A null that is not the build DOM's: the cell reads no page element and draws on no canvas.
    expect(api("Cannot read properties of null (reading 'kWh')", "const grid = null;\ngrid.kWh")).toBeUndefined();
    // navigator.geolocation yields undefined, never null.
    expect(api("Cannot read properties of null (reading 'x')", "navigator.geolocation; const a = null; a.x")).toBeUndefined();
    expect(api("total is not a function", "total()")).toBeUndefined();
    expect(api("operationalCarbon: gridGPerKWh must be ≥ 0 (got -5)", "localStorage", undefined, "KernelInputError")).toBeUndefined();
  });
});
