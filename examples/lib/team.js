// A local module of the example team's own helpers, imported by team-data.md: it imports the kernel
// like a cell does, and is bundled for the page and evaluated at build with the notebook.
import {operationalCarbon} from "wattbook/kernel";

/** Each site's metered energy over the months given, and its emissions at the site's grid intensity. */
export function siteTotals(meters, sites) {
  return sites.map(({site, region, gridGPerKWh}) => {
    const energyKWh = meters.filter((row) => row.site === site).reduce((sum, row) => sum + row.kWh, 0);
    const {kgCO2e} = operationalCarbon({energyKWh, gridGPerKWh});
    return {site, region, energyKWh, gridGPerKWh, kgCO2e};
  });
}

/** The share of the team's emissions each site carries, largest first. */
export function sharesOf(totals) {
  const all = totals.reduce((sum, row) => sum + row.kgCO2e, 0);
  return totals.map((row) => ({site: row.site, share: row.kgCO2e / all})).sort((a, b) => b.share - a.share);
}
