/**
 * Stored text is data, and on a terminal data must not become commands: an abstract carrying
 * ESC sequences could clear the screen or rewrite what the reader sees. Control characters are
 * shown as visible escapes instead.
 */

// C0 controls except tab, DEL, C1 controls, and the bidi overrides that can reorder a line.
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string, keep: readonly string[] = []): string {
  return text.replace(CONTROLS, (c) => (keep.includes(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
