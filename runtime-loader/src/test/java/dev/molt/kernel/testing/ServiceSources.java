package dev.molt.kernel.testing;

/**
 * Sources of an app that publishes a service ({@code store}) and one that takes its handle
 * ({@code web}). They report to $EVENTS through {@code rec.Events} ({@link AppSources#EVENTS}).
 */
public final class ServiceSources {
  private ServiceSources() {}

  public static final String COUNTER = """
      package store;
      public interface Counter { long increment(); String origin(); }
      """;

  public static final String COUNTING_COUNTER = """
      package store.impl;
      import dev.molt.api.*;
      public class CountingCounter implements store.Counter, StatefulService {
        private final ServiceContext context;
        private long count;
        public CountingCounter(ServiceContext context) { this.context = context; }
        public synchronized long increment() { return ++count; }
        public String origin() {
          return context.resource(StringBuilder.class) + " " + context.application().name()
              + " " + context.version();
        }
        public java.util.Map<String, Object> exportState() { return java.util.Map.of(); }
        public void importState(java.util.Map<String, Object> state) {}
        public void activate() { rec.Events.log("activate"); }
        public void deactivate() { rec.Events.log("deactivate"); }
        public void dispose() { rec.Events.log("dispose"); }
      }
      """;

  public static final String STORE_APP = """
      package store;
      import dev.molt.api.*;
      public class StoreApp implements Application {
        private static volatile Counter counter;
        public static Counter counter() { return counter; }
        public void start(ApplicationContext c) {
          c.services().provide(StringBuilder.class, new StringBuilder("pool"));
          counter = c.services().publish(Counter.class, store.impl.CountingCounter.class);
          rec.Events.log("published " + counter.getClass().getName());
        }
        public void stop() { rec.Events.log("store stop"); }
      }
      """;

  public static final String WEB_APP = """
      package web;
      import dev.molt.api.*;
      public class WebApp implements Application {
        public void start(ApplicationContext c) {
          store.Counter counter = c.services().handle(store.Counter.class);
          rec.Events.log("web " + counter.increment() + " same="
              + (counter == store.StoreApp.counter()) + " " + counter.origin()
              + " kernelVisible=" + visible("dev.molt.services.ServiceHandle"));
        }
        public void stop() { rec.Events.log("web stop"); }
        private static boolean visible(String name) {
          try {
            Class.forName(name);
            return true;
          } catch (ClassNotFoundException e) {
            return false;
          }
        }
      }
      """;
}
