// The one HTML escaper: text → HTML that reads as that text, in element content and in quoted attribute
// values alike. Numeric references, so that the output needs no entity table to read back.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
