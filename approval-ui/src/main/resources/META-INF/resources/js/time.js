// Times in the user's own time zone, with the exact UTC instant on hover.

const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A <time> element for an ISO-8601 instant: local text, UTC title; a dash when there is none. */
export function timeOf(instant) {
  const node = document.createElement('time');
  if (!instant) {
    node.textContent = '—';
    return node;
  }
  const date = new Date(instant);
  node.dateTime = date.toISOString();
  node.title = `${date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC')}`;
  node.textContent = local.format(date);
  return node;
}

/** An ISO-8601 duration such as PT2H30M as "2 h 30 min". */
export function durationText(iso) {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso || '');
  if (!match) {
    return iso || '—';
  }
  const [, hours, minutes, seconds] = match;
  return [hours && `${hours} h`, minutes && `${minutes} min`, seconds && `${seconds} s`].filter(Boolean).join(' ')
    || '0 min';
}

/** The value of a datetime-local input as an ISO instant, or undefined when empty. */
export function instantFromLocalInput(value) {
  return value ? new Date(value).toISOString() : undefined;
}
