const DAY = 86_400;

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
}

/**
 * "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago".
 * Times are Unix seconds; a time in the future (clock skew) reads as "today".
 */
export function humaniseAge(time: number, now: number): string {
  const days = Math.floor(Math.max(0, now - time) / DAY);
  if (days < 1) return 'today';
  if (days < 2) return 'yesterday';
  if (days < 7) return plural(days, 'day');
  if (days < 30) return plural(Math.floor(days / 7), 'week');
  if (days < 365) return plural(Math.floor(days / 30), 'month');
  return plural(Math.floor(days / 365), 'year');
}
