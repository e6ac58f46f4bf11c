package org.schoolgate.messaging.application;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.schoolgate.messaging.application.OutboxDispatcher.ChannelSender;
import org.schoolgate.messaging.application.OutboxDispatcher.Sent;
import org.schoolgate.messaging.application.OutboxStore.Claimed;

/**
 * A channel that answers from a script: each hand-over takes the next answer queued for that
 * message, or the default one. It remembers every hand-over, in order.
 */
final class ScriptedSender implements ChannelSender {

  private final Function<Claimed, Sent> otherwise;
  private final Map<UUID, Deque<Function<Claimed, Sent>>> script = new ConcurrentHashMap<>();
  final List<Claimed> handedOver = new CopyOnWriteArrayList<>();

  ScriptedSender(Function<Claimed, Sent> otherwise) {
    this.otherwise = otherwise;
  }

  /** Answers the next hand-over of this message so (a Sent, or a thrown failure). */
  ScriptedSender then(UUID message, Function<Claimed, Sent> answer) {
    script.computeIfAbsent(message, m -> new ArrayDeque<>()).add(answer);
    return this;
  }

  long timesHandedOver(UUID message) {
    return handedOver.stream().filter(c -> c.id().equals(message)).count();
  }

  @Override
  public Sent send(Claimed message) {
    handedOver.add(message);
    Deque<Function<Claimed, Sent>> queued = script.get(message.id());
    Function<Claimed, Sent> answer;
    synchronized (this) {
      answer = queued == null || queued.isEmpty() ? otherwise : queued.poll();
    }
    return answer.apply(message);
  }
}
