import type { Platform } from '../platform/desktop';

async function printWith(bodyClass: string, platform: Platform, defaultName: string): Promise<void> {
  document.body.classList.add(bodyClass);
  try {
    await platform.printToPdf({ defaultName });
  } finally {
    document.body.classList.remove(bodyClass);
  }
}

/**
 * Prints the open sheet modal alone (its wrap carries `report-sheet-modal`): the app behind it and the modal's
 * own chrome are hidden by the `print-report` rules of app.css while the PDF is made.
 */
export function printSheet(platform: Platform, defaultName: string): Promise<void> {
  return printWith('print-report', platform, defaultName);
}

/**
 * Prints a page of the app as a sheet: while `print-sheet` is on the body, the shell lets the page grow to its
 * full length (it is a fixed-height scroll box on screen) and everything marked `.no-print` stays off the paper.
 */
export function printPage(platform: Platform, defaultName: string): Promise<void> {
  return printWith('print-sheet', platform, defaultName);
}
