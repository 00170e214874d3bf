// The other half of the cycle (see a.ts).
import { a } from "./a.ts";

export const b = () => a;
