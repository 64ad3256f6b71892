/**
 * CSV injection: Excel and WPS run a cell that starts like a formula (= + - @, tab, CR). Exports prefix such
 * cells with an apostrophe, which makes them text; imports take the apostrophe off again.
 */
export function protectCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function unprotectCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
