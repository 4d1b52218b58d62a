package edge.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Runs the checks once in main, then serves their report on GET /checks (port from PORT). */
public final class EdgeApp {
  private EdgeApp() {}

  public static void main(String[] args) throws Exception {
    String report = Checks.run();
    System.out.print(report);
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    byte[] body = report.getBytes(StandardCharsets.UTF_8);
    server.createContext("/checks", exchange -> {
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      } catch (IOException e) {
        exchange.close();
      }
    });
    server.start();
  }
}
