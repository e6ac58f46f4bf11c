package org.schoolgate.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small JSON client for the REST API, as an integration or a future native app would call it. */
public final class Api {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private String authorization;

  public Api(URI base) {
    this.base = base;
  }

  /** A copy that sends a bearer token on every call. */
  public Api withToken(String token) {
    Api api = new Api(base);
    api.authorization = "Bearer " + token;
    return api;
  }

  /** A copy that signs every call with HTTP Basic, as a staff script would. */
  public Api withBasic(String username, String password) {
    Api api = new Api(base);
    api.authorization =
        "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return api;
  }

  /** The answer to one call: status, raw body and the body as JSON. */
  public record Reply(int status, String body) {
    public JsonObject object() {
      return (JsonObject) parse();
    }

    public JsonArray array() {
      return (JsonArray) parse();
    }

    private JsonStructure parse() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.read();
      }
    }
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  /** A copy that sends this Authorization header on every call (an import API key, say). */
  public Api withAuthorization(String value) {
    Api api = new Api(base);
    api.authorization = value;
    return api;
  }

  public Reply post(String path, jakarta.json.JsonStructure body) {
    return send(
        request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  public Reply put(String path, JsonObject body) {
    return send(
        request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
