// Plot's default categorical colours (observable10) are made for a white page: its yellow, coral and teal
// fall below 3:1 against it, and an ordinal numeric scale gets turbo, whose ends vanish on a dark page.
// A figure whose author chose no colours gets ten that hold 3:1 (WCAG's figure-graphics contrast) against
// both themes' backgrounds, #fdfdfc and #16181b: mid-tones, luminance between about 0.13 and 0.29.
import type * as PlotModule from "@observablehq/plot";

export const READABLE_CATEGORIES: readonly string[] = [
  "#4269d0", // blue
  "#a07e00", // gold
  "#d1495b", // red
  "#1f8a7a", // teal
  "#3a8f3a", // green
  "#b45ab8", // magenta
  "#9263d8", // purple
  "#2a86b8", // sky
  "#9c6b30", // brown
  "#808080", // grey
];

type Plot = typeof PlotModule;
type PlotOptions = NonNullable<Parameters<Plot["plot"]>[0]>;

/** Plot, with `plot` drawing a categorical colour scale the author left unstyled in READABLE_CATEGORIES. */
export function withReadableColors(Plot: Plot): Plot {
  const plot = (options: PlotOptions = {}) => {
    const figure = Plot.plot(options);
    const color = (options.color ?? {}) as Record<string, unknown>;
    if (color.range !== undefined || color.scheme !== undefined || color.interpolate !== undefined) return figure;
    const scale = figure.scale("color");
    if (!scale || (scale.type !== "ordinal" && scale.type !== "categorical")) return figure;
    // Drawn again with the palette: the scale's kind is known only once Plot has seen the data.
    return Plot.plot({ ...options, color: { ...color, range: [...READABLE_CATEGORIES] } as PlotOptions["color"] });
  };
  return Object.freeze({ ...Plot, plot }) as Plot;
}
