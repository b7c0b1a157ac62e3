// Text that has no faithful form elsewhere (UTF-8, SQL literals, messages).

/** A UTF-16 surrogate without its other half: text with no UTF-8 form. */
export const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
