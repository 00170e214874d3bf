// Terminal styling that respects NO_COLOR (https://no-color.org) and plain pipes.
const enabled = !("NO_COLOR" in process.env && process.env.NO_COLOR !== "") && !!process.stderr.isTTY && process.env.TERM !== "dumb";

const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);

export const style = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
};
