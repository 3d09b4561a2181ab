import { checkArchitecture, MAX_LINES } from "./architecture";

const report = checkArchitecture();
const problems = [
  ...report.cycles.map((cycle) => `import cycle: ${cycle.join(" → ")}`),
  ...report.longFiles.map(({ file, lines }) => `${file}: ${lines} lines (over ${MAX_LINES})`),
  ...report.layerViolations.map(({ from, to }) => `layer: ${from} must not import ${to}`),
  ...report.serverInBrowser.map(({ from, to }) => `browser code: ${from} takes a value from ${to}, which the browser never gets`),
];
for (const problem of problems) console.error(problem);
console.log(`${report.files} modules in app/: ${report.cycles.length} cycles, ${report.longFiles.length} over ${MAX_LINES} lines, ${report.layerViolations.length} layer violations, ${report.serverInBrowser.length} server values in browser code`);
process.exit(problems.length ? 1 : 0);
