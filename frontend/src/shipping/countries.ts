import { REST_OF_WORLD } from '../api/shipping';

/** "Germany, France and 25 more" / "every other country": a zone's countries in a few words. */
export function zoneSummary(countries: readonly string[], names: ReadonlyMap<string, string>, max = 3): string {
  if (countries.length === 1 && countries[0] === REST_OF_WORLD) return 'every other country';
  const shown = countries.slice(0, max).map((c) => names.get(c) ?? c);
  const more = countries.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
