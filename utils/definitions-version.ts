/**
 * Which version of the measurement definitions (impression, dwell, attention, session, tag rules) made a record.
 * Every stored row carries it. The number itself lives beside the definitions (utils/journeys/definitions.ts),
 * so there is one constant to bump; this small file lets content scripts and storage import just the number.
 */
export { DEFINITIONS_VERSION } from './journeys/definitions';
