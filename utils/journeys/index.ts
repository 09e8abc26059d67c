/**
 * The measurement core of research issue #4: definitions, sessions, journeys, browse vs store mode, attribution
 * and roll-ups. Pure functions over plain arrays of touchpoints — no browser API — so the dashboard, exports and
 * the `guangjie` command run the same code. Start with ./definitions.ts.
 */
export * from './definitions';
export * from './groupings';
export * from './sessions';
export * from './linking';
export * from './mode';
export * from './journeys';
export * from './rows';
export * from './attribution';
export * from './rollups';
export * from './privacy';
export * from './hash';
