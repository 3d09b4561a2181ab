/**
 * A strict RFC 4180 reader for the tests: records end in CRLF (the last one
 * too), a quoted field may hold commas, CR, LF and doubled quotes. Anything
 * else (a bare LF, a quote inside an unquoted field, text after a closing
 * quote) throws, so a test cannot pass on a file that is not RFC 4180.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let position = 0;
  while (position < text.length) {
    let field = "";
    if (text[position] === '"') {
      position += 1;
      for (;;) {
        const quote = text.indexOf('"', position);
        if (quote < 0) throw new Error("unterminated quoted field");
        field += text.slice(position, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          position = quote + 2;
        } else {
          position = quote + 1;
          break;
        }
      }
    } else {
      const end = text.slice(position).search(/[,\r\n"]/);
      const stop = end < 0 ? text.length : position + end;
      if (text[stop] === '"') throw new Error(`a quote inside an unquoted field at ${stop}`);
      field = text.slice(position, stop);
      position = stop;
    }
    record.push(field);
    if (text[position] === ",") {
      position += 1;
    } else if (text.startsWith("\r\n", position)) {
      records.push(record);
      record = [];
      position += 2;
    } else {
      throw new Error(`expected a comma or CRLF at ${position}`);
    }
  }
  if (record.length > 0) throw new Error("the last record does not end in CRLF");
  return records;
}
