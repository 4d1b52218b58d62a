package dev.molt.upgrade;

import dev.molt.format.TrialCheck;
import dev.molt.kernel.node.Node;
import dev.molt.upgrade.hook.HookStep;
import dev.molt.upgrade.step.StepException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trial of an upgrade: runs the release's health check ({@link TrialCheck}) every
 * {@code interval_ms} for {@code seconds}, each run within its own deadline (the interval, at
 * least 1 s). Returns when every run passed; the first run that fails ends the trial.
 */
final class TrialRunner {
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Node node;
  private final Map<String, String> env;
  private final PrintStream log;

  TrialRunner(Node node, Map<String, String> env, PrintStream log) {
    this.node = node;
    this.env = env;
    this.log = log;
  }

  /** @throws StepException naming the run that failed and why */
  void run(TrialCheck check, String from) throws StepException {
    Duration deadline = Duration.ofMillis(Math.max(1000, check.intervalMs()));
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(check.seconds());
    int runs = 0;
    while (true) {
      runs++;
      long t0 = System.nanoTime();
      try {
        probe(check, deadline, from);
      } catch (StepException e) {
        throw new StepException("the trial's health check failed at run " + runs + " ("
            + check.kind().json() + " " + check.target() + "): " + e.getMessage(), e);
      }
      if (System.nanoTime() >= end) {
        log.println("molt: upgrade: trial passed " + runs + " runs of " + check.describe());
        return;
      }
      long wait = TimeUnit.MILLISECONDS.toNanos(check.intervalMs()) - (System.nanoTime() - t0);
      long left = end - System.nanoTime();
      sleep(Math.max(0, Math.min(wait, left)));
    }
  }

  private void probe(TrialCheck check, Duration deadline, String from) throws StepException {
    switch (check.kind()) {
      case HTTP -> http(resolve(check.target()), deadline);
      case RPC -> rpc(check.target(), deadline);
      case HOOK -> hook(check.target(), deadline, from);
      default -> throw new IllegalStateException(check.kind().toString());
    }
  }

  private static void http(String url, Duration deadline) throws StepException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(deadline).build();
    try {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
          .timeout(deadline).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        String body = r.body().strip();
        throw new StepException(url + " answered " + r.statusCode()
            + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(200, body.length()))));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new StepException(url + " did not answer within " + deadline.toMillis() + " ms: "
          + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepException("interrupted", e);
    }
  }

  private void rpc(String target, Duration deadline) throws StepException {
    String app = target.substring(0, target.indexOf(' '));
    String call = target.substring(target.indexOf(' ') + 1);
    String className = call.substring(0, call.lastIndexOf('.'));
    String methodName = call.substring(call.lastIndexOf('.') + 1);
    ClassLoader loader = node.app(app).flatMap(a -> a.loader()).orElseThrow(
        () -> new StepException("no application " + app + " runs in the node"));
    FutureTask<Object> task = new FutureTask<>(() -> {
      Thread.currentThread().setContextClassLoader(loader);
      Method m = Class.forName(className, true, loader).getMethod(methodName);
      if (!Modifier.isStatic(m.getModifiers())) {
        throw new NoSuchMethodException(call + " is not static");
      }
      try {
        return m.invoke(null);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof Exception x ? x : e;
      }
    });
    Thread thread = new Thread(task, "molt-trial-rpc");
    thread.setDaemon(true);
    thread.start();
    try {
      Object result = task.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      if (Boolean.FALSE.equals(result)) {
        throw new StepException(call + " returned false");
      }
    } catch (ExecutionException e) {
      throw new StepException(call + " threw " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      thread.interrupt();
      throw new StepException(call + " did not return within " + deadline.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepException("interrupted", e);
    }
  }

  private void hook(String name, Duration deadline, String from) throws StepException {
    String version = node.descriptor().version();
    Path dir = node.root().resolve("releases").resolve(version).resolve("hooks").resolve("trial");
    Map<String, String> hookEnv = new HashMap<>(env);
    hookEnv.put("RELEASE_ROOT", node.root().toString());
    hookEnv.put("RELEASE_NAME", node.descriptor().name());
    hookEnv.put("RELEASE_VSN", version);
    hookEnv.put("MOLT_UPGRADE_FROM", from);
    hookEnv.put("MOLT_UPGRADE_TO", version);
    new HookStep("trial", dir, hookEnv, deadline, log).runOne(dir.resolve(name));
  }

  /** {@code ${VAR}} and {@code ${VAR:-default}} from the node's environment. */
  private String resolve(String text) throws StepException {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.get(m.group(1));
      if (value == null || value.isEmpty()) {
        value = m.group(2);
      }
      if (value == null) {
        throw new StepException("${" + m.group(1) + "} in " + text + " is not set in the node's"
            + " environment; set it, or give a default: ${" + m.group(1) + ":-...}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void sleep(long nanos) throws StepException {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepException("interrupted", e);
    }
  }
}
