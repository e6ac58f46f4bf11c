package org.schoolgate.messaging.adapter.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A tiny SMTP server that answers from a script, for replies a real test server will not give: a
 * recipient refused with 550, or a server that takes the whole message and then never answers.
 */
final class ScriptedSmtpServer implements AutoCloseable {

  private final ServerSocket listener;
  private final String rcptReply;
  private final String finalReply;
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final CountDownLatch messageReceived = new CountDownLatch(1);
  private final Thread acceptor;

  /**
   * @param rcptReply the reply to RCPT TO ("550 5.1.1 No such user here")
   * @param finalReply the reply after the message's final dot, or null to stay silent
   */
  ScriptedSmtpServer(String rcptReply, String finalReply) {
    try {
      this.listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.rcptReply = rcptReply;
    this.finalReply = finalReply;
    this.acceptor = new Thread(this::acceptLoop, "scripted-smtp");
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  String host() {
    return listener.getInetAddress().getHostAddress();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** The commands the client sent, in order (message content not included). */
  List<String> commands() {
    return List.copyOf(commands);
  }

  /** True once a whole message, up to its final dot, has arrived. */
  boolean receivedWholeMessage() {
    return messageReceived.getCount() == 0;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        open.add(socket);
        Thread handler = new Thread(() -> converse(socket), "scripted-smtp-session");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void converse(Socket socket) {
    try (socket) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      reply(out, "220 scripted.test ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        commands.add(command);
        switch (command) {
          case "EHLO", "HELO" -> reply(out, "250 scripted.test");
          case "MAIL" -> reply(out, "250 2.1.0 Ok");
          case "RCPT" -> reply(out, rcptReply);
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            String data;
            while ((data = in.readLine()) != null && !data.equals(".")) {
              // the content itself is not kept
            }
            if (data == null) {
              return;
            }
            messageReceived.countDown();
            if (finalReply == null) {
              // Never answer: wait until the client gives up and closes the connection.
              while (in.readLine() != null) {
                // swallow anything else
              }
              return;
            }
            reply(out, finalReply);
          }
          case "RSET", "NOOP" -> reply(out, "250 2.0.0 Ok");
          case "QUIT" -> {
            reply(out, "221 2.0.0 Bye");
            return;
          }
          default -> reply(out, "502 5.5.2 Command not recognised");
        }
      }
    } catch (IOException endOfConversation) {
      // the client went away
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
