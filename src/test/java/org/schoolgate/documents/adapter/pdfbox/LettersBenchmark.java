package org.schoolgate.documents.adapter.pdfbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.schoolgate.documents.port.LetterDocument;
import org.schoolgate.documents.port.LetterRenderer.PrintBatch;

/**
 * How fast letters are drawn: 2,000 two-page letters one by one on two threads (target: at least
 * 100 a second), and one print batch of 1,500 two-page letters streamed to a file (target: 20 s or
 * less). Run with {@code mvn -o -q test -Dtest=LettersBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * add {@code -DargLine=-Xmx256m} to show the batch runs in a small, fixed heap.
 */
class LettersBenchmark {

  private PdfBoxLetterRenderer renderer;

  private static final int LETTERS = 2_000;
  private static final int THREADS = 2;
  private static final int BATCH = 1_500;

  @Test
  void letters_are_drawn_fast_enough_one_by_one_and_as_a_print_batch() throws Exception {
    long made = System.nanoTime();
    PdfBoxLetterRenderer renderer = new PdfBoxLetterRenderer();
    System.out.printf(Locale.UK, "Renderer ready (fonts read and measured) in %.0f ms%n", (System.nanoTime() - made) / 1e6);
    this.renderer = renderer;
    List<LetterDocument> letters = new ArrayList<>(LETTERS);
    for (int i = 0; i < LETTERS; i++) {
      letters.add(SampleLetters.attendanceLetter(i));
    }
    assertThat(pagesOf(renderer.render(letters.get(0)))).isEqualTo(2);
    warmUp(letters);

    double perSecond = lettersPerSecond(letters);

    PrintBatch batch = new PrintBatch("Letters to post", "Riverside Academy", "Mrs Amara Okafor", LocalDateTime.of(2026, 3, 3, 14, 5),
        letters.subList(0, BATCH));
    Path file = Files.createTempFile("print-batch", ".pdf");
    try {
      System.gc();
      resetPeaks();
      long start = System.nanoTime();
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        renderer.renderBatch(batch, out);
      }
      double batchSeconds = (System.nanoTime() - start) / 1e9;
      long peakHeap = heapPeak();
      long size = Files.size(file);
      int pages;
      try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
        pages = pdf.getNumberOfPages();
      }
      System.out.printf(Locale.UK, "Letters one by one on %d threads: %,d letters in %.2f s = %.0f letters/s%n", THREADS, LETTERS,
          LETTERS / perSecond, perSecond);
      System.out.printf(Locale.UK, "Print batch of %,d letters: %.2f s, %,d pages, %.1f MB, peak heap %.0f MB (max heap %.0f MB)%n", BATCH,
          batchSeconds, pages, size / 1e6, peakHeap / 1e6, Runtime.getRuntime().maxMemory() / 1e6);

      // every letter has two pages; the cover sheet before them is padded to whole sheets
      assertThat(pages - 2 * BATCH).isPositive().isEven();
      assertThat(perSecond).as("letters per second on %d threads", THREADS).isGreaterThanOrEqualTo(100);
      assertThat(batchSeconds).as("seconds for a batch of %d letters", BATCH).isLessThanOrEqualTo(20);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private void warmUp(List<LetterDocument> letters) throws Exception {
    runOnThreads(letters.subList(0, 300));
    renderer.renderBatch(new PrintBatch("Warm-up", "Riverside Academy", "Benchmark", LocalDateTime.now(), letters.subList(0, 100)));
  }

  private double lettersPerSecond(List<LetterDocument> letters) throws Exception {
    long start = System.nanoTime();
    long bytes = runOnThreads(letters);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(bytes).isPositive();
    return letters.size() / seconds;
  }

  private long runOnThreads(List<LetterDocument> letters) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Long>> parts = new ArrayList<>();
      int share = (letters.size() + THREADS - 1) / THREADS;
      for (int t = 0; t < THREADS; t++) {
        List<LetterDocument> mine = letters.subList(Math.min(letters.size(), t * share), Math.min(letters.size(), (t + 1) * share));
        parts.add(pool.submit(() -> {
          long total = 0;
          for (LetterDocument letter : mine) {
            total += renderer.render(letter).length;
          }
          return total;
        }));
      }
      long total = 0;
      for (Future<Long> part : parts) {
        total += part.get();
      }
      return total;
    } finally {
      pool.shutdown();
    }
  }

  private static int pagesOf(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long heapPeak() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
