package dev.molt.services.update;

import dev.molt.testsupport.javac.SourceJars;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Compiles, at test time, two versions of a small stateful service ({@code
 * demo.unit.TallyService}, contract {@link Tally}) into jars: version 1 keeps its counts as a map
 * {@code {"counts": {key: n}}}, version 2 as a list {@code {"entries": [{"key", "n"}]}} with a
 * {@code TallyServiceMigration} both ways. The system properties {@code tally.migration} ({@code
 * throw-up}, {@code throw-down}, {@code live}, {@code cycle}) and {@code tally.import} ({@code
 * throw}) make version 2 misbehave.
 */
final class TallyJars {
  static final String SERVICE = "demo.unit.TallyService";
  static final String MIGRATION = "demo.unit.TallyServiceMigration";
  static final String UNIT = "demo.unit";

  private static final String V1 = """
      package demo.unit;
      import dev.molt.api.*;
      import dev.molt.services.update.Tally;
      import java.util.*;
      import java.util.concurrent.CountDownLatch;
      public final class TallyService implements Tally, StatefulService {
        private final ServiceContext ctx;
        private final Map<String, Long> counts = new HashMap<>();
        public TallyService(ServiceContext ctx) { this.ctx = ctx; }
        public synchronized long add(String key, long n) { return counts.merge(key, n, Long::sum); }
        public synchronized long get(String key) { return counts.getOrDefault(key, 0L); }
        public String version() { return "v1:" + ctx.version(); }
        public long addTwiceThroughHandle(String key) {
          Tally self = ctx.service(Tally.class); self.add(key, 1); return self.add(key, 1);
        }
        public void hold(CountDownLatch entered, CountDownLatch release) throws InterruptedException {
          entered.countDown(); release.await();
        }
        public synchronized Map<String, Object> exportState() {
          return Map.of("counts", new HashMap<>(counts));
        }
        @SuppressWarnings("unchecked")
        public synchronized void importState(Map<String, Object> state) {
          counts.clear();
          ((Map<String, Object>) state.get("counts"))
              .forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
        }
        public void activate() { Tally.EVENTS.add("v1 activate"); }
        public void deactivate() { Tally.EVENTS.add("v1 deactivate"); }
        public void dispose() { Tally.EVENTS.add("v1 dispose"); }
      }
      """;

  private static final String V2 = """
      package demo.unit;
      import dev.molt.api.*;
      import dev.molt.services.update.Tally;
      import java.util.*;
      import java.util.concurrent.CountDownLatch;
      public final class TallyService implements Tally, StatefulService {
        private final ServiceContext ctx;
        private final Map<String, long[]> counts = new LinkedHashMap<>();
        public TallyService(ServiceContext ctx) { this.ctx = ctx; }
        public synchronized long add(String key, long n) {
          return counts.computeIfAbsent(key, k -> new long[1])[0] += n;
        }
        public synchronized long get(String key) {
          long[] c = counts.get(key); return c == null ? 0 : c[0];
        }
        public String version() { return "v2:" + ctx.version(); }
        public long addTwiceThroughHandle(String key) {
          Tally self = ctx.service(Tally.class); self.add(key, 1); return self.add(key, 1);
        }
        public void hold(CountDownLatch entered, CountDownLatch release) throws InterruptedException {
          entered.countDown(); release.await();
        }
        public synchronized Map<String, Object> exportState() {
          List<Object> entries = new ArrayList<>();
          counts.forEach((k, v) -> entries.add(Map.of("key", k, "n", v[0])));
          return Map.of("entries", entries);
        }
        @SuppressWarnings("unchecked")
        public synchronized void importState(Map<String, Object> state) {
          if ("throw".equals(System.getProperty("tally.import"))) {
            throw new IllegalStateException("v2 refuses this state");
          }
          counts.clear();
          for (Object e : (List<Object>) state.get("entries")) {
            Map<String, Object> entry = (Map<String, Object>) e;
            counts.put((String) entry.get("key"), new long[] {((Number) entry.get("n")).longValue()});
          }
        }
        public void activate() { Tally.EVENTS.add("v2 activate"); }
        public void deactivate() { Tally.EVENTS.add("v2 deactivate"); }
        public void dispose() { Tally.EVENTS.add("v2 dispose"); }
      }
      """;

  private static final String MIGRATION_V2 = """
      package demo.unit;
      import dev.molt.api.StateMigration;
      import java.util.*;
      public final class TallyServiceMigration implements StateMigration {
        @SuppressWarnings("unchecked")
        public Map<String, Object> up(String from, Map<String, Object> state) {
          String how = System.getProperty("tally.migration", "");
          if (how.equals("throw-up")) throw new IllegalStateException("cannot migrate from " + from);
          if (how.equals("slow")) {
            try { Thread.sleep(1500); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
          }
          if (how.equals("live")) return Map.of("entries", new Thread("live"));
          if (how.equals("cycle")) {
            Map<String, Object> loop = new HashMap<>(); loop.put("entries", loop); return loop;
          }
          List<Object> entries = new ArrayList<>();
          ((Map<String, Object>) state.get("counts")).forEach((k, v) -> entries.add(Map.of("key", k, "n", v)));
          return Map.of("entries", entries);
        }
        @SuppressWarnings("unchecked")
        public Map<String, Object> down(String to, Map<String, Object> state) {
          if (System.getProperty("tally.migration", "").equals("throw-down")) {
            throw new IllegalStateException("cannot migrate down to " + to);
          }
          Map<String, Object> counts = new HashMap<>();
          for (Object e : (List<Object>) state.get("entries")) {
            Map<String, Object> entry = (Map<String, Object>) e;
            counts.put((String) entry.get("key"), entry.get("n"));
          }
          return Map.of("counts", counts);
        }
      }
      """;

  private TallyJars() {}

  /** Version 1's jar. */
  static Path v1(Path dir) throws IOException {
    return SourceJars.compile(dir.resolve("v1"), Map.of("TallyService", V1), "tally.jar");
  }

  /** Version 2's jar, with its migration. */
  static Path v2(Path dir) throws IOException {
    return SourceJars.compile(dir.resolve("v2"), Map.of("TallyService", V2,
        "TallyServiceMigration", MIGRATION_V2), "tally.jar");
  }

  /** Version 2's jar plus a unit class whose bytecode the verifier refuses. */
  static Path v2WithUnverifiableClass(Path dir) throws IOException {
    Path jar = v2(dir.resolve("broken"));
    Path out = dir.resolve("broken.jar");
    copyWith(jar, out, "demo/unit/Broken.class", unverifiable("demo/unit/Broken"));
    return out;
  }

  /** An application loader over {@code jar}, above the test's loader (which holds the API). */
  static URLClassLoader appLoader(Path jar) throws IOException {
    return new URLClassLoader("app", new URL[] {jar.toUri().toURL()},
        TallyJars.class.getClassLoader());
  }

  static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copyWith(Path from, Path to, String entry, byte[] bytes)
      throws IOException {
    try (java.util.jar.JarFile in = new java.util.jar.JarFile(from.toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(to))) {
      for (JarEntry e : java.util.Collections.list(in.entries())) {
        out.putNextEntry(new JarEntry(e.getName()));
        out.write(in.getInputStream(e).readAllBytes());
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry(entry));
      out.write(bytes);
      out.closeEntry();
    }
  }

  /** A class whose method returns an int where it declares a String: a VerifyError at link. */
  private static byte[] unverifiable(String internalName) {
    ClassWriter cw = new ClassWriter(0);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
    MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "name", "()Ljava/lang/String;", null, null);
    m.visitCode();
    m.visitInsn(Opcodes.ICONST_1);
    m.visitInsn(Opcodes.ARETURN);
    m.visitMaxs(1, 0);
    m.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

}
