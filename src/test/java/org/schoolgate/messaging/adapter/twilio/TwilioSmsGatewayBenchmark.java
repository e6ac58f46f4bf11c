package org.schoolgate.messaging.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.schoolgate.messaging.port.SmsToSend;
import org.schoolgate.testing.TwilioStandIn;

/**
 * How many texts a second one node can hand to Twilio through the SDK, measured against the local
 * stand-in (so it measures our side and the stand-in, not Twilio). Prints figures; run with
 * {@code mvn -o -q test -Dtest=TwilioSmsGatewayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TwilioSmsGatewayBenchmark {

  private static final int THREADS = Integer.getInteger("twilio.bench.threads", 16);
  private static final int WARM_UP = 3_000;
  private static final int MEASURED = Integer.getInteger("twilio.bench.texts", 10_000);

  @Test
  void texts_handed_to_the_twilio_stand_in_per_second() throws Exception {
    try (TwilioStandIn twilio = TwilioStandIn.start()) {
      TwilioRestClient client =
          TwilioClients.create(TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN, twilio.baseUri(), Duration.ofSeconds(10));
      var gateway = new TwilioSmsGateway(client, "+447400123456");

      run(gateway, WARM_UP, "warm");
      twilio.reset();
      long[] micros = new long[MEASURED];
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuBefore = os.getProcessCpuTime();
      long start = System.nanoTime();
      run(gateway, MEASURED, "text", micros);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuMillisPerText = (os.getProcessCpuTime() - cpuBefore) / 1e6 / MEASURED;

      Arrays.sort(micros);
      System.out.printf("Twilio SDK -> stand-in: %d texts, %d threads, %.2f s, %.0f texts/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms,"
              + " %.2f ms CPU per text (sender and stand-in together, %d cores)%n",
          MEASURED, THREADS, seconds, MEASURED / seconds, micros[MEASURED / 2] / 1000.0, micros[MEASURED * 99 / 100] / 1000.0,
          micros[MEASURED - 1] / 1000.0, cpuMillisPerText, Runtime.getRuntime().availableProcessors());
      assertThat(twilio.count()).isEqualTo(MEASURED);
      assertThat(twilio.acceptedCount()).isEqualTo(MEASURED);
    }
  }

  private static void run(TwilioSmsGateway gateway, int texts, String prefix) throws Exception {
    run(gateway, texts, prefix, new long[texts]);
  }

  private static void run(TwilioSmsGateway gateway, int texts, String prefix, long[] micros) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < texts; i = next.getAndIncrement()) {
            long began = System.nanoTime();
            gateway.send(new SmsToSend("+4479111" + String.format("%05d", i % 100_000), prefix + " " + i,
                "https://schoolgate.example.sch.uk/api/twilio/status"));
            micros[i] = (System.nanoTime() - began) / 1000;
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
