/**
 * The zone SWIGS shows times in and computes calendar days in, unless an automation says otherwise (wait and
 * schedule nodes take a `timezone`). Times are stored in UTC.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Zurich';
