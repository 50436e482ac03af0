/**
 * Byte offset → 1-based line, by binary search over the newline offsets. Parsers that report
 * UTF-8 byte offsets (PostgreSQL's, Prism) locate through it.
 */
export function byteLineLocator(bytes: Buffer): (offset: number) => number {
  const newlines: number[] = [];
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) newlines.push(i);
  return (offset) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((newlines[mid] as number) < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}
