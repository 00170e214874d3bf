// Half of a two-module import cycle: test/architecture.test.ts checks that its cycle finder sees it.
import { b } from "./b.ts";

export const a = () => b;
