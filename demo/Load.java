import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo's client under load: {@code java demo/Load.java URL STOP_FILE} calls GET URL in a
 * loop (one call at a time, 20 ms apart) until STOP_FILE exists or 5 minutes have passed, then
 * prints how many calls answered, how many failed, and the longest a call waited.
 */
public class Load {
  public static void main(String[] args) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(args[0]))
        .timeout(Duration.ofSeconds(10)).build();
    Path stop = Path.of(args[1]);
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    long ok = 0;
    long failed = 0;
    long longest = 0;
    while (!Files.exists(stop) && System.nanoTime() < deadline) {
      long start = System.nanoTime();
      try {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          ok++;
        } else {
          failed++;
        }
      } catch (java.io.IOException e) {
        failed++;
      }
      longest = Math.max(longest, System.nanoTime() - start);
      Thread.sleep(20);
    }
    System.out.printf("client: %d calls answered, %d failed, the longest took %.1f ms%n", ok,
        failed, longest / 1e6);
    System.exit(failed == 0 ? 0 : 1);
  }
}
