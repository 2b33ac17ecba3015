import type { ConformanceReport } from './model.ts';
import { renderPage } from './html/page.ts';

/**
 * conformance.html: one self-contained page: the summary (counts and a bar chart by level, category and transport),
 * then every requirement failures first, with filters, a search box and each failure's expected/received, exchanges
 * and reproduction. The parts live in ./html/.
 */
export function renderHtml(report: ConformanceReport): string {
  return renderPage(report);
}
