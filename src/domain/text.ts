// Control characters in text a user typed or forged: one definition for every place that drops them.

/** Every C0 control character and DEL (line breaks and tabs included). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** C0 controls and DEL except tab and line breaks, which a typed message may keep. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const CONTROL_CHARACTERS_IN_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
