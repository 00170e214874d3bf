export default {path: "math.md", cells: [
], imports: {}};
