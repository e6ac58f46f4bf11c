package org.schoolgate.messaging.application;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for an SMS provider's HTTP API, on the loopback address only. Each POST's body
 * is the message id; it is counted per message and answered with a reference. It can be told to
 * stop answering after a number of requests (they are still counted as received), which is how a
 * provider looks when it has taken a message but the sender dies before hearing back.
 */
final class StandInSmsProvider implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService workers;
  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final CountDownLatch answerAgain = new CountDownLatch(1);
  private volatile int answerOnly = Integer.MAX_VALUE;

  StandInSmsProvider(int threads) throws IOException {
    // Without TCP_NODELAY every small answer waits for the client's delayed ACK (about 40 ms), and
    // the stand-in, not the dispatcher, sets the pace.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    workers = Executors.newFixedThreadPool(threads);
    server.setExecutor(workers);
    server.createContext("/messages", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/messages");
  }

  /** Answers the first {@code n} requests, then holds the rest unanswered until {@link #answerAgain()}. */
  void answerOnly(int n) {
    answerOnly = n;
  }

  void answerAgain() {
    answerAgain.countDown();
  }

  int total() {
    return total.get();
  }

  Map<String, AtomicInteger> received() {
    return received;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String id = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
      received.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      int n = total.incrementAndGet();
      if (n > answerOnly) {
        try {
          answerAgain.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] reference = ("SM" + id.replace("-", "")).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(201, reference.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reference);
      }
    }
  }

  @Override
  public void close() {
    answerAgain();
    server.stop(0);
    workers.shutdownNow();
  }
}
