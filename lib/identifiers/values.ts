// What a normalized identifier value looks like (spec v1, "Tokens"): what the detector
// emits, what the background accepts from a content script, what a typed query is checked
// against. Dependency-free: the content script, the popup and the portal schemas share it.

/** A deployment ID: exactly 8 digits, kept as a string (leading zeros count). */
export const DEPLOYMENT_VALUE = /^\d{8}$/;

/** A serial: 6–24 upper-case letters, digits and inner hyphens (it must also hold a digit). */
export const SERIAL_VALUE = /^[A-Z0-9][A-Z0-9-]{4,22}[A-Z0-9]$/;
