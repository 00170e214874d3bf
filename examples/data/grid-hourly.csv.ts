// A data loader: prints a day of hourly grid carbon intensity as CSV, which the notebook attaches as
// data/grid-hourly.csv. A real team would fetch its grid operator's forecast here (the build's cells
// cannot reach the network; a loader can). This one is synthetic and deterministic: a base load with a
// midday solar dip and an evening peak.
const hours: number[] = Array.from({ length: 24 }, (_, hour) => hour);

function intensityGPerKWh(hour: number): number {
  const solarDip = 130 * Math.exp(-((hour - 13) ** 2) / 8);
  const eveningPeak = 90 * Math.exp(-((hour - 19) ** 2) / 6);
  return Math.round(330 - solarDip + eveningPeak);
}

process.stdout.write(`hour,gridGPerKWh\n${hours.map((hour) => `${hour},${intensityGPerKWh(hour)}`).join("\n")}\n`);
