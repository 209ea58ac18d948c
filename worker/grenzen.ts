/** Limits of what one request may carry. Rows and string lengths are limited by the shared schemas (422). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
