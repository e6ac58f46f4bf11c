/** Letters and print batches drawn as A4 PDF pages with Apache PDFBox and embedded DejaVu Sans. */
package org.schoolgate.documents.adapter.pdfbox;
