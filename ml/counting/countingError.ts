/** Error codes raised by the counting zones for invalid set-up or input. */
export type CountingErrorCode =
  | 'LINE_ZONE_INVALID_SEGMENT'
  | 'POLYGON_ZONE_INVALID_POLYGON'
  | 'COUNTING_INVALID_OPTION'
  | 'COUNTING_INVALID_TIMESTAMP';

/** Error for an invalid zone geometry, option or timestamp. The message names the value and the fix. */
export class CountingError extends Error {
  constructor(
    readonly code: CountingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CountingError';
  }
}
