import * as __wattbook_module_0 from "./npm/d3-array@3.2.5/index-[hash].js";
import {sum, extent} from "./npm/d3-array@3.2.5/index-[hash].js";
export default {path: "npm.md", cells: [
{id: "a4f6d4fd", inputs: [], outputs: [], expression: false, inline: false, position: {line: 10, column: 1}, bodyLine: 5, body: () => {
;                                    
}},
{id: "f5d70e4c", inputs: [], outputs: [], expression: true, inline: false, position: {line: 14, column: 1}, bodyLine: 8, body: () => (
sum([1, 2, 3.5])
)},
{id: "bb806fa8", inputs: [], outputs: [], expression: true, inline: true, position: {line: 17, column: 19}, bodyLine: 11, body: () => (
extent([3, 1, 2]).join("–")
)}
], imports: {sum, extent}, modules: {"d3-array": __wattbook_module_0}};
