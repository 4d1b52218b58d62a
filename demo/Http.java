import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The demo's HTTP client (a JDK is all the demo needs; curl may be missing): {@code java
 * demo/Http.java GET|POST URL [FORM]}. Prints the status and the body.
 */
public class Http {
  public static void main(String[] args) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(args[1]))
        .timeout(Duration.ofSeconds(10));
    if (args[0].equals("POST")) {
      request.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(args[2]));
    }
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
    System.out.println(response.statusCode() + " " + response.body());
    System.exit(response.statusCode() < 400 ? 0 : 1);
  }
}
