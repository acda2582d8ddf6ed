/**
 * Joins the thousands groups of written numbers ("84 000", "84 000", "84,000", "84.000" → "84000") so that a
 * number compares equal however it is grouped; decimals ("4,5") are left alone.
 */
export function joinDigitGroups(text: string): string {
  return text.replace(/(\d)[\s\u202f.,](?=\d{3}\b)/g, '$1');
}
